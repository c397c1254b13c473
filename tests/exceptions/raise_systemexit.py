# raise SystemExit(2) at top level
print('raising')
raise SystemExit(2)
