# nested comprehensions building lists
print([[i * j for j in range(3)] for i in range(3)], [x for x in range(10) if x % 3 if x % 2])
