# Unicode beyond ASCII: case mapping (incl. special casing) and character classes
print('Ǆ'.lower(), 'ß'.upper(), 'İ'.lower().encode(), 'ﬀ'.upper(), 'ÀÉÎ'.lower(), 'straße'.casefold())
print('١٢'.isdigit(), 'ǅ'.istitle(), 'Ωμέγα'.isalpha(), 'Ωμέγα'.upper(), 'ΣΑΣ'.lower())
print('\u00a0'.isspace(), '\u2003x'.split(), 'é'.isidentifier(), 'x\u2028y'.splitlines())
