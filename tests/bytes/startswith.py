# startswith / endswith with tuples
b = b'hello'
print(b.startswith(b'he'), b.startswith((b'x', b'h')), b.endswith(b'lo'), b.endswith(b'l', 0, 4))
