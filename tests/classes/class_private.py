# name mangling of __private attributes
class A:
    def __init__(self):
        self.__secret = 'a-secret'
        self._prot = 'protected'
    def reveal(self):
        return self.__secret
    def __hidden(self):
        return 'hidden'
    def call_hidden(self):
        return self.__hidden()
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = 'b-secret'
    def mine(self):
        return self.__secret
b = B()
print(b.reveal(), b.mine(), b._prot, b.call_hidden(), b._A__secret, b._B__secret)
try:
    b.__secret
except AttributeError as e:
    print('AttributeError')
print(sorted(k for k in vars(b)))
