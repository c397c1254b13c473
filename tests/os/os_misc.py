# os.urandom, os.sep, sys.stdout/stderr as streams, print(file=...).
import io
import os
import sys

r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
print(len(set(os.urandom(8) for _ in range(20))) > 1)
print(os.sep)
print(sys.stdout.write("written\n"))
sys.stdout.flush()
print(sys.stdout.buffer.write(b"raw bytes\n"))
sys.stdout.buffer.flush()
print("to stdout", file=sys.stdout)
print("a", "b", sep="-", end="!\n", file=sys.stdout, flush=True)
s = io.StringIO()
print("into", 3, "stringio", file=s, sep=",")
print(repr(s.getvalue()))
old = sys.stdout
sys.stdout = io.StringIO()
print("captured")
got = sys.stdout.getvalue()
sys.stdout = old
print(repr(got))
try:
    sys.stdout.write(b"x")
except TypeError as e:
    print("TypeError", e)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), list(sys.stdin))
