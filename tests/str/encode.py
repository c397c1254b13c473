# str.encode with utf-8 and ascii, errors
print('héllo'.encode(), 'abc'.encode('ascii'), 'é'.encode('utf-8'), 'é'.encode('latin-1'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__)
print('é'.encode('ascii', 'ignore'), 'é'.encode('ascii', 'replace'))
