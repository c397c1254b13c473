# statements inside conditional blocks and try blocks at module level
try:
    import sys
    HAVE_SYS = True
except ImportError:
    HAVE_SYS = False
if HAVE_SYS:
    def where():
        return 'sys present'
else:
    def where():
        return 'no sys'
print(where())
for name in ['a', 'b']:
    globals()['var_' + name] = name.upper()
print(var_a, var_b)
while True:
    class Inside:
        ok = True
    break
print(Inside.ok)
