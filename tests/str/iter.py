# iterating a str yields code points
print(list('aé😀'), [c for c in ''], list(reversed('abé')))
