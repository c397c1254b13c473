# subclassing dict
class Default(dict):
    def __missing__(self, key):
        return 'missing:' + str(key)
d = Default(a=1)
print(d['a'], d['zz'], d.get('zz'), len(d), isinstance(d, dict))
class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in 'abracadabra':
    c.add(ch)
print(sorted(c.items()), c['a'])
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
ad = AttrDict(x=5)
print(ad.x, ad, type(ad).__name__)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u['key'] = 1
print(u)
