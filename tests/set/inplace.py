# in-place operators and update methods
a = {1, 2, 3}
a |= {4}; a &= {1, 2, 4}; a -= {1}; a ^= {2, 9}
print(sorted(a))
a.intersection_update([4, 9, 10]); print(sorted(a))
a.difference_update({4}); print(sorted(a))
a.symmetric_difference_update({9, 1}); print(sorted(a))
