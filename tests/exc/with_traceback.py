# with_traceback returns the exception
e = ValueError('x')
print(e.with_traceback(None) is e)
