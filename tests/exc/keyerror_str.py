# KeyError str uses repr of a single arg
print(str(KeyError('a')), str(KeyError(1)), str(KeyError('a', 'b')), str(KeyError('')))
