# exceptions.py: raising and catching in loops: built-in and user exception classes, raise from
# nested calls, try/finally, exception attributes, re-raise, and lookup errors from containers.
# usage: exceptions.py [scale]
import sys


class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    pass


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise NotFound(404, "missing %r" % (k,))


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1)


def main(scale):
    n = max(100, int(60000 * scale))
    d = {i: i * 2 for i in range(0, 100, 3)}
    caught = codes = finals = 0
    for i in range(n):
        try:
            codes += lookup(d, i % 100)
        except NotFound as e:
            caught += 1
            codes += e.code
        finally:
            finals += 1
    deep_caught = 0
    for i in range(n // 20):
        try:
            deep(10)
        except ValueError as e:
            deep_caught += len(str(e))
    conv = 0
    for i in range(n // 2):
        s = str(i) if i % 4 else "x" + str(i)
        try:
            conv += int(s)
        except ValueError:
            conv -= 1
    idx = 0
    data = [1, 2, 3]
    for i in range(n // 2):
        try:
            idx += data[i % 5]
        except IndexError:
            idx += 100
    reraised = 0
    for i in range(n // 10):
        try:
            try:
                raise AppError(i, "inner")
            except AppError:
                raise
        except Exception as e:
            reraised += e.code & 1
    stop = 0
    for i in range(n // 10):
        it = iter(())
        try:
            next(it)
        except StopIteration:
            stop += 1
    print("exceptions", n, caught, codes, finals, deep_caught, conv, idx, reraised, stop)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
