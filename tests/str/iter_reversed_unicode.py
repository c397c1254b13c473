# reversed() and negative steps over mixed-width characters
s = 'a€😀é'
print(list(reversed(s)), s[::-1], s[-1::-2], ''.join(reversed(s)) == s[::-1])
