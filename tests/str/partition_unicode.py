# partition with multi-byte separators
print('a→b→c'.partition('→'), 'a→b→c'.rpartition('→'), '日本語'.partition('本'))
