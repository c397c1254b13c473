# the __main__ module
import sys
main = sys.modules['__main__']
x = 'main global'
print(main.x, __name__, main.__name__)
