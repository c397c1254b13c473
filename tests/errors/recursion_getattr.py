# RecursionError from a __getattr__ that recurses
class Loop:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    Loop().a
except RecursionError:
    print('RecursionError')
class Init:
    def __init__(self):
        Init()
try:
    Init()
except RecursionError:
    print('RecursionError in __init__')
print('done')
