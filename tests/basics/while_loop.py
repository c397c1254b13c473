# while with break/continue/else
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print(i)
else:
    print('no else after break')
j = 0
while j < 3:
    j += 1
else:
    print('else ran', j)
while False:
    pass
else:
    print('else on false')
n = 0
while True:
    n += 1
    if n == 100:
        break
print(n)
