# str/repr with non-string args
print(str(ValueError(1, 2)), repr(ValueError(1.5)), str(Exception([1])), repr(Exception('a', None)))
