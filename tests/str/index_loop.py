# indexing every char of a long non-ascii string stays correct
s = ''.join(chr(0x400 + i % 50) for i in range(3000))
t = 0
for i in range(len(s)):
    t += ord(s[i])
print(t, s[2999] == chr(0x400 + 2999 % 50))
r = [s[i] for i in range(len(s) - 1, -1, -1)]
print(''.join(r) == s[::-1])
