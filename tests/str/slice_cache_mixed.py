# alternating forward and backward indexing in non-ASCII text
s = 'αβγδεζηθικλμνξοπρστυφχψω' * 40
out = []
i, j = 0, len(s) - 1
while i < j:
    out.append(s[i] + s[j])
    i += 7; j -= 5
print(len(out), out[:3], out[-2:], s[-1], s[len(s) // 2])
