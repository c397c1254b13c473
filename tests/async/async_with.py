# async with using __aenter__/__aexit__
class Res:
    def __init__(self, name, log):
        self.name, self.log = name, log
    async def __aenter__(self):
        self.log.append('enter ' + self.name)
        return self.name
    async def __aexit__(self, t, v, tb):
        self.log.append('exit %s %s' % (self.name, t.__name__ if t else None))
        return t is KeyError
async def main(log):
    async with Res('a', log) as a, Res('b', log) as b:
        log.append('body %s %s' % (a, b))
    async with Res('c', log):
        raise KeyError('swallowed')
    try:
        async with Res('d', log):
            raise ValueError('kept')
    except ValueError as e:
        log.append('caught ' + str(e))
    return len(log)
log = []
try:
    main(log).send(None)
except StopIteration as e:
    print(e.value)
print('\n'.join(log))
