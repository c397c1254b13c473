# inf and nan parsing, arithmetic and comparisons
inf = float('inf'); nan = float('nan')
print(inf, -inf, nan, float('-Infinity'), float('NaN'), float(' +inf '), inf - inf, inf * 0, nan == nan, nan != nan, inf > 1e308)
print(float('infinity') == inf, min(1.0, inf), max(-inf, 3))
