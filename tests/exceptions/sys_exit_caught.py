# SystemExit can be caught; finally runs; exit(0) is success
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print('caught', e.code, type(e).__name__)
try:
    raise SystemExit
except SystemExit as e:
    print('code', e.code)
try:
    sys.exit()
finally:
    print('finally before exit')
