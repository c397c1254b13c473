# g/G/n and no-type formats, incl. '#' forms where rounding carries into a new power of ten
vals=[9.999999e5, 999999.5, 9.5, 0.000099999999, 0.0, 1e-4, 1e-5, 123456.0, 1234567.0, 1e16, 0.1, 1.0, 100.0, 1e300, 5e-324, 2.5, 0.00012345]
for v in vals:
    print(format(v,'#g'), format(v,'g'), format(v,'.3g'), format(v, '#.3G'), format(v,'.0g'), format(v, '#.0g'), format(v,'.3'), format(v,'#.3'), format(v, '.1'), format(v,'n'), format(v, '.12'), format(v,'#.1'), format(v, '.17'))
