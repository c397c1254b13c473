# list everyday operations
a = [1, 2, 3]
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
a.insert(-1, 5.5)
a.insert(100, 7)
print(a, len(a), a[0], a[-1], a[2:5], a[::3], a[::-1])
print(a.pop(), a.pop(0), a.index(3), a.count(5), 3 in a, 9 not in a)
a.remove(5.5)
print(a)
a.reverse()
print(a)
a.sort()
print(a, sorted(a, reverse=True))
b = a.copy()
b.clear()
print(a, b, [1, 2] + [3], [0] * 3, [[]] * 2)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] == [])
c = [3, 1, 2]
c += [4]
c *= 2
print(c)
