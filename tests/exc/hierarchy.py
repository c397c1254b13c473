# exception class hierarchy
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (UnicodeDecodeError, ValueError), (FileNotFoundError, OSError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
         (StopIteration, Exception), (KeyboardInterrupt, Exception), (GeneratorExit, BaseException), (ModuleNotFoundError, ImportError)]
for a, b in pairs:
    print(a.__name__, issubclass(a, b))
