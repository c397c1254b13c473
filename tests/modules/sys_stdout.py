# sys.stdout.write / sys.stderr.write
import sys
n = sys.stdout.write('written\n')
print(n)
sys.stdout.write('no newline ')
sys.stdout.write('then newline\n')
sys.stderr.write('to stderr\n')
print('é€', file=sys.stdout)
sys.stdout.write(str(12) + '\n')
try:
    sys.stdout.write(5)
except TypeError:
    print('TypeError')
