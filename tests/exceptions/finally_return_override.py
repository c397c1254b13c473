# a return in finally overrides a return or exception from try and except
def f():
    try:
        return 1
    finally:
        return 2
def g():
    try:
        raise ValueError
    except ValueError:
        return 'except'
    finally:
        print('finally of g')
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return 'end'
print(f(), g(), h())
