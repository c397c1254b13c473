# __name__ == '__main__' in the script, the module name in imports
import _helper
if __name__ == '__main__':
    print('running as main')
print(__name__, _helper.__name__)
