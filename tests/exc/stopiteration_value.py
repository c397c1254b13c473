# StopIteration value
e = StopIteration(5)
print(e.value, StopIteration().value, e.args)
