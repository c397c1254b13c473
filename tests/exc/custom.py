# user exception classes with custom __init__ and __str__
class E(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return 'E%d: %s' % self.args
try:
    raise E(5, 'bad')
except Exception as e:
    print(e, e.code, e.args, repr(e)[:2])
