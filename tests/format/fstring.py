# f-strings: expressions, nested specs, conversions, = specifier
x = 10; name = 'adder'; w = 6
print(f'{x + 1} {name!r} {name:>{w}} {x:#x} {x*2=} {name=!s} {3.14159:.{2}f} {"q"} {{x}}')
print(f'{[1, 2][0]} {dict(a=1)["a"]} {x if x else 0} {(lambda: 5)()}')
