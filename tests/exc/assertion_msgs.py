# assert with and without messages
try:
    assert 1 == 2, 'nope %d' % 3
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
