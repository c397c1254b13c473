# replacing sys.stdout redirects print()
import sys
class Capture:
    def __init__(self): self.data = []
    def write(self, s):
        self.data.append(s)
        return len(s)
old = sys.stdout
cap = Capture()
sys.stdout = cap
print('captured', 1)
sys.stdout = old
print(cap.data)
