# uncaught user exception: the last stderr line names the class
class MyError(Exception):
    pass
print('start')
raise MyError('custom message', 2)
