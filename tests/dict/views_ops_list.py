# keys views combine with any iterable
d = {'a': 1, 'b': 2}
print(sorted(d.keys() | ['c']), sorted(d.keys() & ['a', 'x']), d.keys() - ['a'], d.keys().isdisjoint(['z']))
print(sorted(d.items() | {('z', 0)}), sorted(['a', 'q'] & d.keys()) if False else 0)
