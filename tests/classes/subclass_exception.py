# subclassing Exception, with extra state
class AppError(Exception):
    pass
class CodeError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return '[%d] %s' % (self.code, self.args[0])
try:
    raise CodeError(404, 'not found')
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
class NoInit(ValueError):
    pass
e = NoInit('a', 'b')
print(e.args, str(e), repr(e), isinstance(e, ValueError), isinstance(e, Exception))
class WithRepr(Exception):
    def __repr__(self):
        return 'custom repr'
print(repr(WithRepr()), str(WithRepr('s')))
try:
    raise NoInit
except NoInit as e:
    print('bare class raised', repr(e))
