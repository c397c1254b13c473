# adder-args: -X heapsize=16M
# re: patterns that keep a backtrack point per repetition, on a 100 KB subject (needs heap, not C stack)
import re

s = 'ab' * 50000
print(len(re.match(r'(ab|cd)*', s).group()), re.match(r'(ab|cd)*', s).group(1))
print(len(re.match(r'(?:ab)+?$', s).group()))
print(len(re.match(r'(.)*?$', s).group()))
print(len(re.match(r'(?:(a)|b)*', s).group()))
