# tuple subclass
class T(tuple):
    def first(self):
        return self[0]
t = T([4, 5])
print(t, t.first(), len(t), t + (6,), type(t[0:1]).__name__)
