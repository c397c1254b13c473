# extending a list with itself and slicing copies
l = [1, 2]
l.extend(l); print(l)
l += l; print(len(l))
m = l[:]; m.append(0); print(len(l), len(m))
