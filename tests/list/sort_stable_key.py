# list.sort is stable with key and reverse
data = [('b', 2), ('a', 2), ('c', 1), ('d', 3), ('e', 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
l = [3, 1, 2]; l.sort(reverse=True); print(l)
print(sorted('hello'), sorted([]), sorted([1]), sorted([2, 1], key=None))
