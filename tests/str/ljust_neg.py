# negative or zero widths return the string unchanged
print(repr('ab'.ljust(0)), repr('ab'.center(-5)), repr('ab'.zfill(-1)), repr(''.zfill(3)))
