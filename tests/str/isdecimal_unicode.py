# digit classes: superscripts are digits not decimals, fractions numeric only
for c in '0٣۵߂४²³¹½Ⅻ':
    print(hex(ord(c)), c.isdecimal(), c.isdigit(), c.isnumeric())
