# conditional expressions
def sign(x):
    return 'pos' if x > 0 else 'neg' if x < 0 else 'zero'
print(sign(3), sign(-3), sign(0))
print([('even' if i % 2 == 0 else 'odd') for i in range(4)])
x = 1 if [] else 2
print(x)
def loud(v):
    print('eval', v)
    return v
print(loud('a') if True else loud('b'))
print((lambda: 1) () if 0 else 'else')
