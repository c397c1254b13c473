# unicode.py: str operations on non-ASCII text stored as UTF-8: indexing and slicing in loops,
# find, split, case mapping, encode/decode round trips and character classification.
# usage: unicode.py [scale]
import sys

WORDS = ["café", "naïve", "Ελληνικά", "русский", "日本語", "emoji😀", "straße", "plain"]


def run(n):
    text = " ".join(WORDS[i % len(WORDS)] + str(i) for i in range(n))
    h = 0
    for i in range(0, len(text), 3):
        h = (h * 33 + ord(text[i])) % 1000003
    for i in range(0, len(text) - 10, 97):
        h = (h + len(text[i:i + 7].upper())) % 1000003
    parts = text.split()
    alpha = sum(1 for p in parts if p[:-1].isalpha())
    pos = text.find("emoji😀" + str(n - 3)) if n > 3 else 0
    low = text.lower().count("ß") + text.upper().count("SS")
    raw = text.encode()
    back = raw.decode()
    return len(text), len(raw), h, alpha, pos, low, back == text


def main(scale):
    n = max(50, int(40000 * scale))
    print("unicode", n, run(n))


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
