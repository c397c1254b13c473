# start stop step attributes
r = range(3, 30, 4)
print(r.start, r.stop, r.step, range(5).start, range(5).step)
