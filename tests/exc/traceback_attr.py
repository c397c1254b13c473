# __traceback__ exists after raising
try:
    raise ValueError
except ValueError as e:
    print(e.__traceback__ is not None, type(e).__name__)
print(ValueError().__traceback__)
