# sorting objects with __lt__ only
class P:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
    def __repr__(s): return 'P(%d)' % s.v
print(sorted([P(3), P(1), P(2)]), max([P(3), P(5), P(1)]))
