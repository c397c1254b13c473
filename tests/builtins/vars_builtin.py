# vars() with an object
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
print(vars(C()))
try:
    vars(5)
except TypeError as e:
    print(e)
