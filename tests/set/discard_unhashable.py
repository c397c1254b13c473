# discard/remove/in of a set argument use frozenset semantics
s = {frozenset({1})}
print({1} in s)
s.discard({1}); print(s)
try:
    [] in s
except TypeError as e:
    print(type(e).__name__, e)
