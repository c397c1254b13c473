# annotations are accepted and ignored (not evaluated for values we print)
def f(a: int, b: 'str' = 'x', *args: int, c: float = 1.0, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(f(1))
x: int = 5
y: list
print(x)
class C:
    a: int = 1
    b: str
print(C.a, hasattr(C, 'b'))
def g() -> None: pass
print(g())
