# json_py.py: a JSON encoder and decoder written in Python itself (py_dumps / py_loads: recursion,
# string scanning, isinstance dispatch, dict and list building), round-tripping generated documents.
# usage: json_py.py [scale]
import sys

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def py_dumps_str(s):
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def py_dumps(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return py_dumps_str(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join([py_dumps(x) for x in v]) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join([py_dumps_str(k) + ": " + py_dumps(x) for k, x in v.items()]) + "}"
    raise TypeError("cannot encode " + type(v).__name__)


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, what):
        raise ValueError("%s at %d" % (what, self.pos))

    def skip(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        self.pos = pos

    def value(self):
        self.skip()
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        if self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        return self.number()

    def number(self):
        text = self.text
        start = pos = self.pos
        is_float = False
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            if text[pos] in ".eE":
                is_float = True
            pos += 1
        if pos == start:
            self.error("unexpected character")
        self.pos = pos
        return float(text[start:pos]) if is_float else int(text[start:pos])

    def string(self):
        text = self.text
        pos = self.pos + 1
        chunks = []
        while True:
            end = pos
            while text[end] != '"' and text[end] != "\\":
                end += 1
            chunks.append(text[pos:end])
            if text[end] == '"':
                self.pos = end + 1
                return "".join(chunks)
            esc = text[end + 1]
            if esc == "u":
                chunks.append(chr(int(text[end + 2:end + 6], 16)))
                pos = end + 6
            else:
                chunks.append(UNESCAPES[esc])
                pos = end + 2

    def arr(self):
        self.pos += 1
        out = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return out
        while True:
            out.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return out
            if ch != ",":
                self.error("expected , or ]")

    def obj(self):
        self.pos += 1
        out = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return out
        while True:
            self.skip()
            key = self.string()
            self.skip()
            if self.text[self.pos] != ":":
                self.error("expected :")
            self.pos += 1
            out[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return out
            if ch != ",":
                self.error("expected , or }")


def py_loads(text):
    return Decoder(text).value()


def make_doc(i):
    return {
        "id": i,
        "name": "user %d" % i,
        "tags": ["t%d" % (i % 7), "q\"uote", "tab\there", "line\nbreak"],
        "score": i / 4,
        "ratio": -i * 0.125,
        "active": i % 3 == 0,
        "parent": None if i % 5 else i // 5,
        "nested": {"a": [1, 2, [3, 4, {"b": "c"}]], "depth": {"x": {"y": {"z": i}}}},
    }


def main(scale):
    n = max(5, int(1500 * scale))
    docs = [make_doc(i) for i in range(n)]
    text = py_dumps(docs)
    back = py_loads(text)
    again = py_dumps(back)
    checksum = 0
    for ch in again[::7]:
        checksum = (checksum * 33 + ord(ch)) & 0xFFFFFF
    print("json_py", n, len(text), back == docs, text == again, checksum)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
