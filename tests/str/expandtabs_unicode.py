# expandtabs counts code points for columns
print(repr('é\tx'.expandtabs(4)), repr('日本\t.'.expandtabs(4)))
