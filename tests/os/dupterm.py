# os.dupterm: a Python stream object gets a copy of the console output and supplies input.
import os


class Term:
    def __init__(self, data):
        self.out = []
        self.data = bytearray(data)

    def write(self, b):
        self.out.append(bytes(b))
        return len(b)

    def readinto(self, buf):
        if not self.data:
            return None
        buf[0] = self.data.pop(0)
        return 1


t = Term(b"typed line\n")
print(os.dupterm(t))
print("mirrored")
line = input()
prev = os.dupterm(None)
print(prev is t, repr(line))
print(b"".join(t.out))


class Broken:
    def write(self, b):
        raise ValueError("broken")

    def readinto(self, buf):
        raise ValueError("broken")


os.dupterm(Broken())
print("still works")
print(os.dupterm(None))
