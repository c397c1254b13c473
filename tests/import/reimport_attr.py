# importing a name from a package's submodule also binds the submodule on the package
import pkg.sibling
import pkg
print(hasattr(pkg, 'sibling'), pkg.sibling.SIB)
from pkg import mod
print(hasattr(pkg, 'sub'), mod.info())
