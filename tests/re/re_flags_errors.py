# re: flags, inline flags, bad patterns and bad arguments (compared with CPython)
import re

print(re.match(r'HELLO', 'hello', re.I).group(), re.match(r'[A-C]+', 'abcd', re.IGNORECASE).group())
print(re.match(r'(?i)hello', 'HeLLo').group(), re.match(r'[^a]', 'A', re.I))
print(re.findall(r'^\w', 'ab\ncd\nef', re.M), re.findall(r'\w$', 'ab\ncd\nef', re.MULTILINE))
print(re.findall(r'^\w', 'ab\ncd'), re.findall(r'(?m)^\w', 'ab\ncd'))
print(re.search(r'a.b', 'a\nb', re.S).group() == 'a\nb', re.search(r'a.b', 'a\nb'))
print(re.search(r'(?s)a.b', 'a\nb') is not None, re.match(r'(a)\1', 'aA', re.I).group())
print(int(re.I), int(re.M), int(re.S), re.IGNORECASE | re.MULTILINE == re.I | re.M)

for pat in ['(', ')', 'a)', '*', 'a**', '[a', r'a\\', '(?P<n>a)(?P<n>b)', r'\9', 'a{3,2}', '(?<x', r'\q', '[z-a]', '+a', '?']:
    try:
        re.compile(pat)
        print(pat, 'ok')
    except re.error:
        print(pat, 'error')

for bad in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match('a', 1),
            lambda: re.match('(a)', 'a').group(2), lambda: re.match('(a)', 'a').group('x'),
            lambda: re.sub('(a)', r'\2', 'a'), lambda: re.sub('a', r'\g<x>', 'a'),
            lambda: re.compile(1)]:
    try:
        bad()
        print('no error')
    except re.error:
        print('re.error')
    except (TypeError, IndexError) as e:
        print(type(e).__name__)
