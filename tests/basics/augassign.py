# augmented assignment on names, attributes, subscripts, and in-place mutation
x = 5
x += 3; x -= 1; x *= 4; x //= 3; x %= 5; x **= 3
print(x)
y = 10.0
y /= 4
print(y)
class O: pass
o = O()
o.v = 1
o.v += 10
print(o.v)
d = {'k': [1]}
d['k'] += [2]
d['n'] = 0
d['n'] += 1
print(d)
lst = [1, 2]
alias = lst
lst += [3]
print(alias, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = 'ab'
s *= 3
print(s)
m = [0, 1, 2]
i = 0
m[i] += 5
print(m)
