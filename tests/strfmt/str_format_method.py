# str.format: positional, keyword, indexed, attribute, nested specs
print('{} {}'.format('a', 'b'), '{1} {0} {1}'.format('x', 'y'), '{name}-{n}'.format(name='k', n=1))
print('{0[1]} {0[k]} {1.real}'.format({1: 'one', 'k': 'kay'}, 5), '{[0]}'.format([9]))
print('{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+}'.format('r', 'l', 'c', 'st', 3.14159, 5))
print('{!r} {!s} {!a}'.format('q', 'q', 'ü'), '{{}} {{{}}}'.format('in'))
print('{:{w}.{p}f}'.format(2.71828, w=10, p=2), '{:{}}'.format('x', 4) + '|')
print('{:,} {:_} {:b} {:o} {:x} {:X} {:#b} {:c} {:e} {:%}'.format(1234567, 1234567, 10, 10, 255, 255, 5, 97, 12345.678, 0.5))
print('{:d} {:5} {:<5}| {:=+6}'.format(True, 12, 12, 12))
print('{}'.format(None), '{}'.format([1, 2]), '{:>5}'.format(None) if False else 'skip')
class P:
    x, y = 1, 2
print('{0.x},{0.y}'.format(P()))
for bad in [lambda: '{}'.format(), lambda: '{1}'.format(0), lambda: '{k}'.format(), lambda: '{} {0}'.format(1, 2),
            lambda: '{:d}'.format('s'), lambda: '{'.format(1), lambda: '{:x}'.format(1.5)]:
    try:
        bad()
    except (IndexError, KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
