# collections: deque, OrderedDict, defaultdict, namedtuple (compared with CPython)
from collections import deque, OrderedDict, defaultdict, namedtuple

# ---- deque
d = deque()
print(d, len(d), bool(d))
for i in range(10):
    d.append(i)
d.appendleft(-1)
print(d, len(d), bool(d), d[0], d[-1], d[5])
print(d.pop(), d.popleft(), d)
d.extend([10, 11])
d.extendleft('ab')
print(d, list(d), 3 in d, 99 in d, d.count(3))
d[0] = 'B'
d[-1] = 'end'
del d[1]
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.remove(5)
print(d, d.maxlen)
d.clear()
print(d, len(d))

m = deque([1, 2, 3], 3)
print(m, m.maxlen)
m.append(4)
print(m)
m.appendleft(0)
print(m)
m.extend(range(10))
print(m, list(m))
z = deque((), maxlen=0)
z.append(1)
print(z)
q = deque(range(5), maxlen=10)
q += [5, 6]
print(q, q == deque(range(7)), q != deque(range(7)), q == [0])
q.extend(q)
print(q)
big = deque()
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))
r = deque([1])
r.append(r)
print(r)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1])['a'], lambda: deque([1]).remove(2), lambda: deque([], -1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    it = deque([1, 2])
    for x in it:
        it.append(x)
except RuntimeError as e:
    print('RuntimeError', e)

# ---- OrderedDict
od = OrderedDict()
od['z'] = 1
od['a'] = 2
od['m'] = 3
print(od, list(od), list(od.keys()), list(od.items()), len(od), 'a' in od)
od.move_to_end('z')
print(od)
od.move_to_end('m', last=False)
print(od)
od.move_to_end('a', False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([('x', 1), ('y', 2)], w=0)
print(od2, od2['y'], od2.get('q', 'none'), isinstance(od2, dict))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
print(OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1), dict(od2), od2.copy(), type(od2.copy()).__name__)
del od2['x']
od2.update({'k': 5})
print(od2, OrderedDict())
for bad in [lambda: OrderedDict().popitem(), lambda: od.move_to_end('nope'), lambda: OrderedDict()['x']]:
    try:
        bad()
    except KeyError as e:
        print('KeyError', e)

# ---- defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].append(3)
print(dd, dd['a'], len(dd), dd.default_factory)
cnt = defaultdict(int)
for ch in 'mississippi':
    cnt[ch] += 1
print(sorted(cnt.items()), cnt.get('z'), 'z' in cnt)
n = defaultdict(None, {'k': 1})
print(n, n.default_factory)
try:
    n['missing']
except KeyError as e:
    print('KeyError', e)
c = cnt.copy()
c['new'] += 5
print(type(c).__name__, c['new'], 'new' in cnt, c.default_factory)
ddl = defaultdict(lambda: 'dflt', a=1)
print(ddl['a'], ddl['b'], sorted(ddl.items()))
ddl.default_factory = None
try:
    ddl['c']
except KeyError:
    print('KeyError after factory removed')
print(isinstance(dd, dict), defaultdict(int) == {}, dict(cnt) == cnt)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)

# ---- namedtuple
P = namedtuple('Point', 'x y')
p = P(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), p == (1, 2), isinstance(p, tuple))
print(P._fields, P(y=5, x=4), P(7, y=8), p._asdict(), p._replace(y=20), P._make([9, 10]))
x, y = p
print(x + y, hash(p) == hash((1, 2)), sorted([P(3, 1), P(1, 5), P(1, 2)]))
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[30])
print(Q(1, 2), Q(1, 2, 3), Q._fields, Q._field_defaults)
R = namedtuple('R', 'one, two,three')
print(R(1, 2, 3), R._fields)
E = namedtuple('E', '')
print(E(), len(E()))
class Sub(P):
    def norm(self):
        return abs(self.x) + abs(self.y)
s = Sub(-3, 4)
print(s, s.norm(), Sub._fields)
print(p.__class__.__name__, type(p) is P)
for bad in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: P(1, x=2),
            lambda: p._replace(z=1), lambda: namedtuple('T', 'a a'), lambda: namedtuple('T', '_a'),
            lambda: namedtuple('T', 'a 1b'), lambda: namedtuple('1T', 'a')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
try:
    p.x = 5
except AttributeError:
    print('AttributeError')

# Python subclasses of the native types
class MyOD(OrderedDict):
    def extra(self):
        return len(self)
m = MyOD(a=1)
m['b'] = 2
m.move_to_end('a')
print(m, m.extra(), isinstance(m, OrderedDict), isinstance(m, dict))
class MyDD(defaultdict):
    def total(self):
        return sum(len(v) for v in self.values())
d = MyDD(list, k=[0])
d['x'].append(1)
print(d, d.default_factory, d.total(), isinstance(d, defaultdict))
class MyDQ(deque):
    def peek(self):
        return self[0]
q = MyDQ([1, 2, 3], 2)
q.append(4)
print(q, q.peek(), len(q), q.maxlen)
m2 = m.copy()
d2 = d.copy()
d2['new'].append(9)
print(type(m2).__name__, m2, type(d2).__name__, d2, 'new' in d)
