# deeply nested source given to compile(): parsed or rejected with an error, never a crash
for depth in (50, 90):
    src = '(' * depth + '1' + ')' * depth
    print(depth, eval(src))
src = 'x = ' + '[' * 80 + ']' * 80
exec(src)
print(len(x))
for depth in (1000, 100000):
    src = '(' * depth + '1' + ')' * depth
    try:
        eval(src)
        print(depth, 'compiled')
    except (SyntaxError, RecursionError, MemoryError) as e:
        print(depth, 'rejected')
src = ''
for i in range(50):
    src += ' ' * i + 'if True:\n'
src += ' ' * 50 + 'y = 1\n'
exec(src)
print(y)
expr = '1' + ' + 1' * 300
print(eval(expr))
