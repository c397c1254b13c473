# deeply nested awaits and values flowing back
class Step:
    def __await__(self):
        v = yield 'step'
        return v
async def leaf(n):
    v = await Step()
    return v * n
async def mid(n):
    return await leaf(n) + await leaf(n + 1)
async def top():
    return [await mid(i) for i in range(3)]
c = top()
yields = 0
val = c.send(None)
while True:
    yields += 1
    try:
        val = c.send(yields)
    except StopIteration as e:
        print(e.value, yields)
        break
