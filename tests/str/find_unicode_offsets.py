# find/index return code point offsets, not byte offsets
s = '日本語のテキスト日本'
print(s.find('テ'), s.rfind('日本'), s.index('の'), s.count('日'), s.find('本', 2), s[s.find('テ'):])
