# the standard exception hierarchy
pairs = [
    (BaseException, object), (Exception, BaseException), (ArithmeticError, Exception),
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (LookupError, Exception),
    (IndexError, LookupError), (KeyError, LookupError), (TypeError, Exception), (ValueError, Exception),
    (UnicodeError, ValueError), (NameError, Exception), (UnboundLocalError, NameError),
    (AttributeError, Exception), (StopIteration, Exception), (StopAsyncIteration, Exception),
    (GeneratorExit, BaseException), (KeyboardInterrupt, BaseException), (SystemExit, BaseException),
    (MemoryError, Exception), (RuntimeError, Exception), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (OSError, Exception), (ImportError, Exception),
    (ModuleNotFoundError, ImportError), (AssertionError, Exception), (SyntaxError, Exception),
    (IndentationError, SyntaxError), (EOFError, Exception),
]
for sub, base in pairs:
    print(sub.__name__, issubclass(sub, base), sub.__bases__[0].__name__)
print(issubclass(GeneratorExit, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))
