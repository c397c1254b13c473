# setdefault without a default inserts None
d = {}
print(d.setdefault('k'), d, d.get('k', 5))
