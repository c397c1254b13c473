# center/ljust/rjust/zfill on bytes
print(b'ab'.center(6, b'*'), b'ab'.ljust(4), b'ab'.rjust(4, b'0'), b'-5'.zfill(4))
