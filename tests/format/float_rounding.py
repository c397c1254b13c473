# formatting rounds half to even on the binary value
print('%.2f %.2f %.1f %.0f %.0f %.3f' % (2.675, 1.005, 0.25, 0.5, 2.5, 1.0005))
print(f'{0.125:.2f} {0.375:.2f} {1e22:.0f} {1e-7:.10f}')
