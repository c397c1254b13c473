# sys.exit(0) and sys.exit(None) are success; code after them does not run
import sys
print('before')
sys.exit(None)
print('after')
