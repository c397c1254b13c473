# mutating the list in the key raises ValueError
l = [3, 2, 1]
def k(x):
    l.append(0)
    return x
try:
    l.sort(key=k)
except ValueError as e:
    print(type(e).__name__, e)
