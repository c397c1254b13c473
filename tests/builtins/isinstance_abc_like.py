# isinstance with builtin types used as type checks everywhere
vals = [1, 1.0, 'a', b'a', [1], (1,), {1: 1}, {1}, None, True, range(1), len]
types = [int, float, str, bytes, list, tuple, dict, set, bool, range, object]
for v in vals:
    print(''.join('1' if isinstance(v, t) else '0' for t in types))
