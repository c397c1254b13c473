# equal strings hash equal, usable as dict keys
a = 'hello' + ' world'
b = 'hello world'
print(hash(a) == hash(b), {a: 1}[b], hash('') == hash(''.join([])))
