# repr of views
d = {1: 'a'}
print(d.keys(), d.values(), d.items(), type(d.keys()).__name__)
