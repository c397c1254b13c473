# sets of strings compared after sorting
w = set('the quick brown fox jumps over the lazy dog'.split())
print(sorted(w), len(w), sorted(w & {'fox', 'cat'}))
