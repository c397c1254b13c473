# padding methods with non-ASCII fill and content count code points
print(repr('é'.center(5, '€')), repr('日本'.ljust(4, '・')), repr('ü'.rjust(3, '😀')), repr('€'.zfill(3)))
