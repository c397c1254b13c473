# str.find / rfind with ranges, negatives, empty needle and unicode
s = 'héllo wörld héllo'
print(s.find('héllo'), s.rfind('héllo'), s.find('ö'), s.find('z'))
print(s.find('l', 5), s.find('l', 5, 8), s.rfind('l', 0, 5), s.find('', 3), s.rfind(''))
print(s.find('o', -5), s.rfind('o', -8, -2), s.find('', 100), ''.find(''))
