# parsing floats from strings, in both directions
for s in ['1', '1.', '.5', '-.5', '1e5', '1E-5', '  3.25\n', '+inf', '-Infinity', 'nan', 'NaN', '1_0.0_1', '0x1p3' if False else '8',
          '1e400', '-1e400', '1e-400', '0.1e1', '00012.5', '123456789012345678901234567890']:
    print(repr(s), float(s))
for s in ['', ' ', 'x', '1.2.3', '1e', 'e5', '--1', '1_', '_1', 'inf_', '0x10']:
    try:
        float(s)
        print('parsed?!', s)
    except ValueError as e:
        print(e)
