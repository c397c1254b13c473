# wordcount.py: build a text from a vocabulary with a hand-written random generator, then split it
# and count words with a dict (str methods, dict get/set, sorting by count).
# usage: wordcount.py [scale]
import sys

SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vu", "ne", "shi", "or", "al", "py", "th", "on"]


def make_vocab(n, seed):
    words = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        parts = 1 + seed % 3
        w = ""
        for _ in range(parts):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            w += SYLLABLES[(seed >> 8) % len(SYLLABLES)]
        words.append(w)
    return words, seed


def make_text(n_words, vocab, seed):
    lines = []
    line = []
    for i in range(n_words):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        # a skewed choice: low indices are far more common
        r = (seed >> 4) % len(vocab)
        w = vocab[r * r // len(vocab)]
        if i % 11 == 0:
            w = w.capitalize()
        if i % 17 == 0:
            w += ","
        line.append(w)
        if len(line) == 12:
            lines.append(" ".join(line) + ".")
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def count(text):
    counts = {}
    for line in text.splitlines():
        for word in line.split():
            word = word.strip(".,").lower()
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


def main(scale):
    vocab, seed = make_vocab(2000, 7)
    text = make_text(max(100, int(200000 * scale)), vocab, seed)
    counts = count(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("wordcount", len(text), len(counts), sum(counts.values()), top)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
