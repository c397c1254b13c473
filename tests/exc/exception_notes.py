# exception args are mutable via reassignment
e = ValueError('a')
e.args = ('b', 1)
print(e, e.args)
