# fill and alignment
for spec in ['<10', '>10', '^10', '*^11', '-<6', '0>5', '=+8', 'é^7']:
    print(repr(format(42, spec)), repr(format('ab', spec.replace('=+', '>'))))
