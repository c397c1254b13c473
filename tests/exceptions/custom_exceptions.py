# user-defined exception hierarchies and matching
class Error(Exception): pass
class InputError(Error):
    def __init__(self, expr, msg):
        self.expr, self.msg = expr, msg
class TransitionError(Error): pass
for exc in [InputError('x+', 'bad'), TransitionError('t'), Error('plain')]:
    try:
        raise exc
    except InputError as e:
        print('input', e.expr, e.msg, e.args)
    except Error as e:
        print('error', type(e).__name__, e)
class Multi(KeyError, ValueError): pass
try:
    raise Multi('m')
except ValueError as e:
    print('caught as ValueError', type(e).__name__, isinstance(e, KeyError))
class Base(BaseException): pass
try:
    try:
        raise Base('base')
    except Exception:
        print('not caught by Exception')
except BaseException as e:
    print('BaseException subclass', e)
