# append extend insert remove pop index count clear copy reverse
l = [1, 2, 3]
l.append(4); l.extend((5, 6)); l.insert(0, 0); l.insert(-1, 'x'); l.insert(100, 'end'); l.insert(-100, 'start')
print(l)
l.remove('x'); print(l.pop(), l.pop(0), l.pop(-2), l)
print(l.index(3), l.index(3, 2), l.count(3), l.copy(), l.reverse(), l)
l.clear(); print(l)
