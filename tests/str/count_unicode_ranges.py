# count with start/end in code points over multi-byte text
s = 'éaéaéa'
print(s.count('é', 1), s.count('a', 0, 3), s.count('éa', -4), s.count('', 2, 4))
