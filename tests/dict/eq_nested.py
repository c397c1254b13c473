# nested dict equality and != with other types
print({'a': {'b': [1]}} == {'a': {'b': [1]}}, {1: 1} == [(1, 1)], {1: 1} != None)
