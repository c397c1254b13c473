# NameError and UnboundLocalError messages
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e)
def f():
    x += 1
    x = 0
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__)
