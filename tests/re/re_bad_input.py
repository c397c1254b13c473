# re: malformed patterns, templates and arguments raise exceptions (compared with CPython)
import re

bad = ['(', '[', '\\', 'a{', '(?P<', '(?P<a', '(?P=x)', '(?', '(?x', '[\\', 'a\\x4', '\\u12', '[b-a]',
       '(?=', '(a', 'a)', '|*', '(*)', '\\g', '(?P>x)', '((((((((((a))))))))))*' * 3, 'a|*', 'a{2}{3}',
       '[a-\\d]', '(?P<1a>x)', '(?i', '\\1(a)', '(a)\\2']
for p in bad:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.match('a' * 5))
    except re.error:
        print(repr(p), 'error')
for t in ['\\', '\\g<', '\\g<1', '\\g<x>', '\\9', '\\q', 'x\\', '\\g<0>\\g<1>', '\\n\\\\']:
    try:
        print(repr(re.sub('(a)', t, 'ab')))
    except re.error:
        print(repr(t), 'error')
    except IndexError:
        print(repr(t), 'IndexError')
print(re.sub('a', lambda m: 'x', 'aaa'))
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError:
    print('TypeError')
m = re.match('(a)', 'a')
for g in [-1, 2, 'x', 1.5, None]:
    try:
        m.group(g)
    except IndexError:
        print(g, 'IndexError')
p = re.compile('a')
print(p.search('xa', 5), p.search('xa', -3), p.match('ba', 1, 0), p.match('ba', 1, 2))
