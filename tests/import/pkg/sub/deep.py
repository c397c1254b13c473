# pkg.sub.deep: relative import two levels up
from ..sibling import SIB
DEEP = 'deep(' + SIB + ')'
