# await inside expressions, conditions, comprehensions, f-strings
class V:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield
        return self.v
async def main():
    a = await V(2) * await V(3)
    b = [await V(i) for i in range(3)]
    c = 'yes' if await V(True) else 'no'
    d = f'{await V("f")}'
    return a, b, c, d
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
