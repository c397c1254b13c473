# AttributeError messages
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    'x'.nope()
except AttributeError as e:
    print(e)
