# %-formatting inf/nan and zero padding
print('%f %e %g %5.1f %-6f| %+f %05f' % (float('inf'), float('-inf'), float('nan'), float('inf'), float('nan'), float('inf'), float('-inf')))
