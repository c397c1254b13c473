# re: random patterns over the supported syntax, on random subjects, against CPython's answers
# (search, fullmatch, findall, sub, split); a fixed generator keeps it deterministic.
import re

seed = 7

def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n

ATOMS = [['a', 'b', 'c', '.', '[ab]', '[^a]', '\\d', '\\w', '(a|b)', '(?:ab|c)', '(a*)', '(b|)', 'x', '\\s', '^', '$', '\\b'],
         ['a', 'B', '(a|B)', '(?P<n>[a-c])', '(?:a|)', '[a-cX-Z]', '\\W', '(?=a)', '(?!b)', '(a)\\1', '(.)', '\\S', '[.]', 'é', '[^é]']]
QUANTS = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,2}', '{,2}', '{1,}?']
ALPHABETS = ['abc1 x', 'abAB1 xé\n']

for kind in range(2):
    atoms, alphabet = ATOMS[kind], ALPHABETS[kind]
    for i in range(250):
        pat = ''.join(atoms[rnd(len(atoms))] + QUANTS[rnd(len(QUANTS))] for _ in range(1 + rnd(4)))
        if rnd(4) == 0:
            pat = pat + '|' + atoms[rnd(len(atoms))]
        subj = ''.join(alphabet[rnd(len(alphabet))] for _ in range(rnd(8)))
        try:
            r = re.compile(pat, re.I if kind and rnd(2) else 0)
        except re.error:
            print('error', repr(pat))
            continue
        m = r.search(subj)
        fm = r.fullmatch(subj)
        print(repr(pat), repr(subj), m and (m.span(), m.groups()), fm and fm.span(), r.findall(subj),
              repr(r.sub('-', subj)), r.split(subj))
