# sys.exit from deep inside calls unwinds through finally blocks
import sys
def inner():
    try:
        sys.exit(4)
    finally:
        print('inner finally')
def outer():
    try:
        inner()
    finally:
        print('outer finally')
outer()
