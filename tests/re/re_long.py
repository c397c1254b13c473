# re: long subjects must not overflow the C stack (the matcher's backtrack stack is on the heap);
# repeats of one character, captured or not, backtrack without memory per character.
import re

s = 'ab' * 50000
print(len(re.match(r'(a|b)*', s).group()), re.match(r'(a|b)*', s).group(1), re.match(r'(a|b)*', s).span(1))
print(len(re.match(r'(a|b)*$', s).group()), re.match(r'(a|b)*b', s).span(1))
print(len(re.match(r'(?:a|b)*$', s).group()), len(re.match(r'[ab]+?$', s).group()))
print(len(re.match(r'[ab]*', s).group()), len(re.match(r'.*b$', s).group()))
print(re.match(r'(?:a|b)*c', s), re.match(r'(a|b)*c', s))
print(len(re.findall(r'a', s)), len(re.split('b', s)), len(re.sub('a', '', s)))
t = 'x' * 100000 + 'y'
print(re.search(r'x*y', t).span(), re.search(r'(x|z)+y', t).span(), re.fullmatch(r'(x)*y', t).span(1))
