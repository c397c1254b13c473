# micropython.schedule: callbacks run soon after, in order, never nested; the queue holds 8
import micropython

log = []

def cb(arg):
    log.append(arg)

micropython.schedule(cb, 'a')
for i in range(3):    # a backward jump: the pending callback runs here
    pass
print(log)

def burst(_):
    # inside a callback others are queued, not run
    for i in range(10):
        try:
            micropython.schedule(cb, i)
        except RuntimeError as e:
            log.append(str(e))
    log.append('burst done')

log.clear()
micropython.schedule(burst, None)
for i in range(3):
    pass
print(log)

def failing(_):
    raise ValueError('from callback')

def two(_):
    micropython.schedule(failing, None)
    micropython.schedule(cb, 'after')

log.clear()
try:
    micropython.schedule(two, None)
    for i in range(3):
        pass
except ValueError as e:
    print('caught', e)
for i in range(3):
    pass
print(log)

try:
    micropython.schedule(cb)
except TypeError:
    print('TypeError')
