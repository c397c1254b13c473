# upper/lower/title/capitalize/swapcase/isX on bytes (ascii only)
b = b'hello World \xe9'
print(b.upper(), b.lower(), b.title(), b.capitalize(), b.swapcase())
print(b'abc'.isalpha(), b'ab1'.isalnum(), b'12'.isdigit(), b' '.isspace(), b'AB'.isupper(), b'ab'.islower(), b''.isalpha())
