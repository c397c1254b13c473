# builtins module and __builtins__-free access
import builtins
print(builtins.len('abc'), builtins.print is print, hasattr(builtins, 'range'))
builtins.my_global_helper = lambda: 'added to builtins'
print(my_global_helper())
