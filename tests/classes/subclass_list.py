# subclassing list
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), type(s).__name__)
print(s + [9], type(s + [9]).__name__, sorted(Stack([3, 1])), list(reversed(s)))
class Logged(list):
    def append(self, x):
        print('appending', x)
        super().append(x)
l = Logged()
l.append(1)
l.extend([2])
print(l, l == [1, 2], [x * 2 for x in l])
class WithAttr(list):
    pass
w = WithAttr()
w.name = 'w'
print(w.name, w)
