# recursion below the limit works at depth 900, in functions, methods and lambdas
def down(n):
    return n if n == 0 else down(n - 1)
print(down(900))
class C:
    def m(self, n):
        return 0 if n == 0 else 1 + self.m(n - 1)
print(C().m(800))
f = lambda n: 0 if n == 0 else 1 + f(n - 1)
print(f(700))
