# return forms
def none1(): pass
def none2(): return
def tup(): return 1, 2
def early(x):
    if x:
        return 'early'
    return 'late'
def in_loop():
    for i in range(10):
        if i == 3:
            return i
def star():
    rest = [2, 3]
    return 1, *rest
print(none1(), none2(), tup(), early(1), early(0), in_loop(), star())
