# iterating bytes yields ints
print(list(b'ab\xff'), [x for x in bytearray(b'xy')], sum(b'\x01\x02'))
