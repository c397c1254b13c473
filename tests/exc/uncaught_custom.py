# uncaught custom exception: last stderr line compared
class MyError(Exception):
    pass
raise MyError('custom message')
