# bytes.expandtabs
print(b'a\tb'.expandtabs(4), b'\t'.expandtabs())
