# bytearray comparisons and == with bytes
print(bytearray(b'a') < bytearray(b'b'), bytearray(b'ab') == b'ab', bytearray() == b'', bytearray(b'z') > b'a')
