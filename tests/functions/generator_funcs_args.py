# calling with many arguments and huge argument lists
def f(*a):
    return len(a), sum(a)
print(f(*range(1000)))
def g(**k):
    return len(k)
print(g(**{'k%d' % i: i for i in range(300)}))
def many(a, b, c, d, e, f, g, h, i, j, k, l):
    return a + l
print(many(*range(12)))
print(max(*range(500)))
