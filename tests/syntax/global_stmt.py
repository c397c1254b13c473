# global statement
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def make():
    global newname
    newname = 'created'
make()
print(newname)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = 99
    return counter
print(shadow(), counter)
def multi():
    global a, b
    a, b = 1, 2
multi()
print(a, b)
def local_before():
    try:
        print(counter)
    except UnboundLocalError as e:
        print(e)
    counter = 1
local_before()
