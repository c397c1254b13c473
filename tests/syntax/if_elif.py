# if / elif / else chains
def classify(n):
    if n < 0:
        return 'neg'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'big'
print([classify(n) for n in (-5, 0, 5, 50)])
if 0: print('no')
elif 1: print('one-line elif')
x = 3
if x > 1:
    if x > 2:
        print('nested')
if []:
    pass
else:
    print('else')
