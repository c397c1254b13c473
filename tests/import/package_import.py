# packages, submodules and relative imports
import pkg
print(pkg.pkg_attr, pkg.__name__)
import pkg.mod
print(pkg.mod.info(), pkg.mod.name)
from pkg.sub import deep, parent_attr
print(deep.DEEP, parent_attr)
from pkg import sibling
print(sibling.SIB, pkg.sibling is sibling)
import pkg.sub.deep as d
print(d is deep)
import sys
print(sorted(k for k in sys.modules if k.startswith('pkg')))
