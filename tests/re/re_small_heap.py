# adder-args: -X heapsize=64K
# re on a small heap: a backtracking run that outgrows the heap raises MemoryError (never a crash),
# and the interpreter carries on
import re

s = 'ab' * 8000
print(len(re.match(r'(a|b)*', s).group()), len(re.match(r'[ab]*$', s).group()))
try:
    re.match(r'(ab|cd)*', s)
    print('matched')
except MemoryError:
    print('MemoryError')
print(len(re.findall('ab', s[:1000])), re.sub('b+', 'B', 'abbba'))
