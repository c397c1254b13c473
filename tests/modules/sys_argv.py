# sys.argv holds the script path (the runner passes the bare file name)
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
