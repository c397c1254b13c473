# add discard remove pop clear copy update
s = {1, 2}
s.add(3); s.discard(9); s.discard(1); s.remove(2)
print(sorted(s), sorted(s.copy()))
s.update([4, 5], (6,)); print(sorted(s))
x = s.pop(); print(x in (3, 4, 5, 6), len(s))
s.clear(); print(s)
