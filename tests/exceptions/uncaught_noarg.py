# uncaught exception without a message
print('x')
raise NotImplementedError
