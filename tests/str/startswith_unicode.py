# startswith/endswith with non-ASCII prefixes and char offsets
s = 'αβγ-δε'
print(s.startswith('αβ'), s.startswith('γ', 2), s.endswith('δε'), s.endswith('γ', 0, 3), s.startswith(('x', 'α')))
