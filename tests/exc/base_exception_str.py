# BaseException repr with trailing comma cases
print(repr(BaseException()), repr(BaseException(1)), repr(BaseException(1, 2)), repr(Exception('a,b')))
