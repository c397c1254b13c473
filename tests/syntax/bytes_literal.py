# bytes literals, escapes and non-ASCII rejection
print(b'\x00\x7f\x80\xff', b'\n\r\t\\\'', b"abc"[1], b'\101')
print(list(b'az'), bytes(b'\xe2\x82\xac').decode())
try:
    eval("b'é'")
except SyntaxError as e:
    print('SyntaxError', e.msg)
