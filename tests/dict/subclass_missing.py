# dict subclass with __missing__
class Z(dict):
    def __missing__(self, k):
        return k * 2
z = Z(a=1)
print(z['a'], z['bb'], 'bb' in z, z.get('q'))
