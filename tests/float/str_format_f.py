# formatting floats with various specs
v = 1234.5678
print(f'{v:.2f} {v:10.3f} {v:<10.1f}| {v:e} {v:.3E} {v:g} {v:G} {v:%} {v:.0f} {v:,.2f} {v:_.1f} {v:+.1f}')
print(f'{0.00001234:g} {1e20:g} {1e-5:.3g} {123456789.0:g} {1.0:#g} {1.0:#.0f} {-0.0:f} {0.5:.0f} {1.5:.0f}')
