# bytes.splitlines
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb'.splitlines(True))
