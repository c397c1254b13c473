# sys attributes beyond the minimal set that MicroPython also has
import sys
print(sys.maxsize >= 2 ** 31 - 1, sys.byteorder in ('little', 'big'), type(sys.platform).__name__)
print(hasattr(sys.implementation, 'version'), type(sys.version_info[0]).__name__)
print(sys.version_info[0], sys.version_info >= (3,))
