# exceptions inside loops, and many raise/catch cycles
total = 0
for i in range(1000):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        total += i
    except ValueError as e:
        total -= e.args[0]
print(total)
count = 0
while True:
    try:
        count += 1
        if count > 5:
            raise StopIteration
    except StopIteration:
        break
print(count)
def deep(n):
    if n == 0:
        raise IndexError('bottom')
    return deep(n - 1)
try:
    deep(100)
except IndexError as e:
    print(e)
