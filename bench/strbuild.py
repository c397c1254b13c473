# strbuild.py: string building and formatting: concatenation, join, %-format, str.format,
# f-strings, slicing, replace, split and case methods.
# usage: strbuild.py [scale]
import sys


def build(n):
    parts = []
    s = ""
    for i in range(n):
        name = "item%d" % i
        row = "{:>8}|{:<6}|{:08.3f}".format(name, i % 97, i / 7)
        row2 = f"{name}:{i * 3:x}:{i % 13!r}"
        parts.append(row + ";" + row2)
        if i % 50 == 0:
            s += name[-3:]
    text = "\n".join(parts)
    upper = text.upper()
    replaced = text.replace("item", "IT")
    fields = replaced.split("|")
    words = [w.strip() for w in fields[:2000]]
    joined = ",".join(words)
    checksum = 0
    for ch in joined[:5000]:
        checksum = (checksum * 31 + ord(ch)) % 1000003
    return len(text), len(upper), len(replaced), len(fields), len(s), checksum, text.count("7")


def main(scale):
    n = max(50, int(30000 * scale))
    print("strbuild", n, build(n))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
