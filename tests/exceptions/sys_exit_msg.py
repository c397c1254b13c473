# sys.exit with a message prints it to stderr and exits with status 1
import sys
print('bye')
sys.exit('fatal: a message')
