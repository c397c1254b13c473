# break and return inside async for
class Count:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 10:
            raise StopAsyncIteration
        return self.i
async def first_even():
    async for x in Count():
        if x % 2 == 0:
            return x
async def until_five():
    seen = []
    async for x in Count():
        if x == 5:
            break
        seen.append(x)
    return seen
for coro in (first_even(), until_five()):
    try:
        coro.send(None)
    except StopIteration as e:
        print(e.value)
