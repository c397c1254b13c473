# int() accepts unicode decimal digits and surrounding whitespace
print(int('٣٤'), int(' 12 '), int('१२'), float('١.٥'))
