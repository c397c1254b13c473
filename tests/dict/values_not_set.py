# values views have no set ops; keys compared to sets
d = {1: 2}
print(d.keys() == {1}, d.items() == {(1, 2)}, d.values() == d.values())
try:
    d.values() & {2}
except TypeError as e:
    print(type(e).__name__)
