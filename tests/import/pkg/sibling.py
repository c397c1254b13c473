# pkg.sibling
SIB = 'sibling'
