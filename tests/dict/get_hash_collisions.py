# keys with equal hashes but unequal values
class K:
    def __init__(s, v): s.v = v
    def __hash__(s): return 1
    def __eq__(s, o): return s.v == o.v
d = {K(i): i for i in range(50)}
print(len(d), d[K(7)], d[K(49)])
