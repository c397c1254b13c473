# str.format_map with a dict and a dict subclass with __missing__
print('{a}-{b}'.format_map({'a': 1, 'b': 2}))
class D(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{x} {y}'.format_map(D(x=1)))
