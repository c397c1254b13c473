# round() of ints with negative ndigits uses banker's rounding
print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(1234, -2), round(1250, -2), round(10**20 + 5 * 10**9, -10))
