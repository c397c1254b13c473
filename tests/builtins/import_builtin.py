# __import__
sys_mod = __import__('sys')
import sys
print(sys_mod is sys, __import__('gc').__name__)
try:
    __import__('no_such_module_xyz')
except ImportError as e:
    print(type(e).__name__, e)
