# recursive functions
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fact(10), fact(30), fib(20))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10, 'A', 'B', 'C', [])))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def flatten(x):
    return [y for e in x for y in flatten(e)] if isinstance(x, list) else [x]
print(flatten([1, [2, [3, [4]], 5]]))
