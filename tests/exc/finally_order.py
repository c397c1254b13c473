# finally runs on return and exception
def f():
    try:
        return 'ret'
    finally:
        print('fin')
print(f())
