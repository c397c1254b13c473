# sets have no total order: sorting lists of sets uses subset order
print(sorted([{1, 2}, {1}, set()], key=len), {1} < {2}, {1} > {2})
