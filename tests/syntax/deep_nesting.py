# moderately deep nesting of blocks and expressions
def f(n):
    if n > 0:
        for i in range(1):
            while True:
                try:
                    with open if False else dummy():
                        if n > 1:
                            return f(n - 1) + 1
                        return 1
                finally:
                    pass
    return 0
class dummy:
    def __enter__(self): return self
    def __exit__(self, *a): return False
print(f(20))
x = ((((((((((1))))))))))
print(x, [[[[[[[[2]]]]]]]], {'a': {'b': {'c': {'d': 1}}}})
print(((((((1 + 2) * 3) - 4) // 5) % 6) ** 2))
