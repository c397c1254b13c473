# format of inf/nan with specs
for spec in ('', 'f', '10', '<8', 'e', '+', '08', 'g', 'E', 'F'):
    print(repr(format(float('inf'), spec)), repr(format(float('nan'), spec)), repr(format(float('-inf'), spec)))
