# single inheritance, overriding, calling base methods
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '%s says %s' % (self.name, self.sound)
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def kind(self):
        return 'dog, an ' + Animal.kind(self)
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + ' jr')
    def speak(self):
        return super().speak() + '!'
for a in [Animal('x'), Dog('rex'), Puppy('rex')]:
    print(a.speak(), '|', a.kind())
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), Puppy.__bases__[0].__name__)
print([c.__name__ for c in Puppy.__mro__])
