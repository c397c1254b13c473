# async iteration over an object whose __anext__ awaits
class Delay:
    def __await__(self):
        yield 'tick'
class Source:
    def __init__(self, items):
        self.items = list(items)
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Delay()
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)
async def consume():
    total = 0
    async for v in Source([1, 2, 3]):
        total += v
    return total
c = consume()
ticks = 0
try:
    while True:
        c.send(None)
        ticks += 1
except StopIteration as e:
    print(e.value, ticks)
