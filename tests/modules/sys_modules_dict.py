# sys.modules is a dict that import consults
import sys
class Fake:
    value = 'from a fake module'
sys.modules['fake_mod'] = Fake
import fake_mod
print(fake_mod.value)
from fake_mod import value
print(value)
del sys.modules['fake_mod']
try:
    import fake_mod
except ImportError:
    print('gone')
