# bytes rsplit with maxsplit
print(b'a b c'.rsplit(None, 1), b'a,b,c'.rsplit(b',', 1), b'  a  '.rsplit())
