# many nested try blocks unwinding correctly
def nest(n):
    if n == 0:
        raise IndexError('deep')
    try:
        return nest(n - 1)
    finally:
        trail.append(n)
trail = []
try:
    nest(30)
except IndexError as e:
    print(e, trail[:5], len(trail))
r = []
try:
    try:
        try:
            raise ValueError(1)
        except ValueError as e:
            r.append('l3')
            raise TypeError(2)
    except TypeError as e:
        r.append('l2')
        raise KeyError(3)
except KeyError as e:
    r.append('l1')
print(r)
