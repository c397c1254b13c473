# Euclid on big ints
def g(a, b):
    while b:
        a, b = b, a % b
    return a
print(g(2**200 * 3**50, 6**80), g(-12, 18), g(10**50 + 1, 10**25 - 1))
