# str.expandtabs with default and custom tab sizes, newlines reset the column
print(repr('a\tb\tc'.expandtabs()))
print(repr('a\tbc\td'.expandtabs(4)))
print(repr('ab\ncd\te'.expandtabs(3)))
print(repr('\t'.expandtabs(0)))
print(repr('x\ty'.expandtabs(1)))
