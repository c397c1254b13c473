# async for with a hand-written async iterator
class Ticker:
    def __init__(self, n):
        self.n, self.i = n, 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    out = []
    async for x in Ticker(4):
        if x == 3:
            continue
        out.append(x)
    else:
        out.append('else')
    return out
try:
    main().send(None)
except StopIteration as e:
    print(e.value)
