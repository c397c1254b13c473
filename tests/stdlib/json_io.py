# json.dump/json.load over io streams (text and binary)
import io
import json

s = io.StringIO()
json.dump({'a': [1, 2.5, None], 'b': 'é'}, s, separators=(',', ':'))
print(s.getvalue())
print(json.load(io.StringIO(s.getvalue())))
print(json.load(io.BytesIO(b'[1, {"x": true}]')))
s = io.StringIO()
json.dump([{'k': 1}], s, indent=2, sort_keys=True)
print(s.getvalue())
