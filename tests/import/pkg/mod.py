# pkg.mod: uses relative imports
from . import sibling
from .sibling import SIB
from .sub import deep
def info():
    return 'mod sees ' + SIB + ' and ' + deep.DEEP + ', package ' + __package__
name = __name__
