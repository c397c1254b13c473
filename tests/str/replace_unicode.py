# replace with multi-byte old and new, and count
print('ééé'.replace('é', 'e', 2), '😀a😀'.replace('😀', ':)'), 'abc'.replace('b', '日本'))
