# subclasses of str keep methods, equality and hashing
class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('hi')
print(s, s.shout(), s == 'hi', {'hi': 1}[s], isinstance(s, str), len(s), s + 'x', type(s + 'x').__name__)
