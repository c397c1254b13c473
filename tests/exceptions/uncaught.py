# an uncaught exception: traceback on stderr, exit status 1, output before it kept
def fail():
    raise ValueError('this is uncaught')
print('before')
fail()
print('never')
