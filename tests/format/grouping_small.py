# grouping on short numbers and with precision
print(format(999, ','), format(1000, ','), format(-1000, '_'), format(1000.5, ',.1f'), format(12345.678, '_g'), format(0, ','))
