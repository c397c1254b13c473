# ord / chr round trip and errors
print(ord('a'), ord('é'), ord('€'), ord('😀'), chr(97), chr(233), chr(0x1F600), chr(0))
for bad in ['', 'ab']:
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
