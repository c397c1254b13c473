# re: scoped flags (?i:...) (?-i:...), verbose patterns (re.X), bad inline flags (compared with CPython)
import re
print(re.match(r'a(?i:b)c', 'aBc'), re.match(r'a(?i:b)c', 'aBC'), re.match(r'(?i)a(?-i:b)c', 'AbC'), re.match(r'(?i)a(?-i:b)c', 'ABC'))
print(re.match(r'''
    (\d+)   # number
    \s* - \s*
    (\w+)   # word
''', '12 - ab', re.X).groups())
print(re.match(r'(?x) a b \  c', 'ab c'), re.findall(r'(?s:.)', 'a\nb'), re.match('(?m:^b)', 'b'))
print(re.compile('a b', re.VERBOSE).match('ab'), int(re.X))
for p in ['(?i', 'a(?i)b', '(?z:a)', '(?-:a)', '(?i-i:a)', '(?--i:a)']:
    try:
        re.compile(p); print(p, 'ok')
    except re.error:
        print(p, 'error')
