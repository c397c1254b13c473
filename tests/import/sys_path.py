# sys.path holds the script's directory first; adding a directory makes its modules importable
import sys
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
sys.path.insert(0, 'pkg')
import sibling
print(sibling.SIB)
