# from m import *
from _star import *
print(public, listed_private)
try:
    not_listed
except NameError as e:
    print(e)
from _nostar import *
print(visible)
try:
    _hidden
except NameError as e:
    print(e)
