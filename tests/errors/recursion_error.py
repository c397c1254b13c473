# runaway recursion raises RecursionError, which can be caught; the program carries on
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('RecursionError', isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(0)
except RecursionError:
    print('mutual RecursionError')
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(200))
