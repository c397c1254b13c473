# int methods: conjugate, real, imag, numerator, denominator, as_integer_ratio, is_integer
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator, (-7).as_integer_ratio())
