# raise with class, instance, re-raise, args
for thing in [ValueError, ValueError('inst'), KeyError('a', 'b')]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e.args, repr(e), str(e))
try:
    raise 5
except TypeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print('re-raised', e)
