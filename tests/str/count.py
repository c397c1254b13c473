# str.count with substrings, empty needle, start/end and negatives
s = 'abababa'
print(s.count('a'), s.count('aba'), s.count(''), s.count('x'))
print(s.count('a', 2), s.count('a', 2, 5), s.count('a', -3), s.count('', 2, 4))
print(''.count(''), ''.count('a'), 'ééé'.count('é'))
print(s.count('a', 10), s.count('', 10))
