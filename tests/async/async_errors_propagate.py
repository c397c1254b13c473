# exceptions inside awaited coroutines propagate through several levels
class Tick:
    def __await__(self):
        yield 'tick'
async def bottom():
    await Tick()
    raise ValueError('bottom failed')
async def middle():
    try:
        await bottom()
    finally:
        print('middle finally')
async def top():
    try:
        await middle()
    except ValueError as e:
        return 'top caught ' + str(e)
c = top()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
