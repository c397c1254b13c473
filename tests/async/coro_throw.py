# throw and close on coroutines, exceptions propagating through await
class Pause:
    def __await__(self):
        return (yield 'paused')
async def inner():
    try:
        await Pause()
    except ValueError as e:
        return 'inner handled ' + str(e)
async def outer():
    r = await inner()
    return r.upper()
c = outer()
print(c.send(None))
try:
    c.throw(ValueError('v'))
except StopIteration as e:
    print(e.value)
async def fails():
    raise KeyError('from coroutine')
async def caller():
    try:
        await fails()
    except KeyError as e:
        return 'caught ' + repr(e)
try:
    caller().send(None)
except StopIteration as e:
    print(e.value)
c2 = outer()
c2.send(None)
c2.close()
print('closed')
