# print(file=sys.stderr) does not go to stdout
import sys
print('out 1')
print('err', file=sys.stderr)
print('out 2')
