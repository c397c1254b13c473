# ordering by code point across widths
l = ['😀', 'z', 'é', '€', 'A', 'ａ', '']
print(sorted(l), max(l), min(l), 'é' < '€' < '😀')
