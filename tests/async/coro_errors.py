# misuse of coroutines and awaitables
async def f():
    return 1
c = f()
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print(e)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print(e)
c3 = f()
try:
    c3.send(1)
except TypeError as e:
    print(e)
c3.close()
try:
    iter(f())
except TypeError as e:
    print(e)
