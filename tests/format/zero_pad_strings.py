# 0 flag on strings pads with zeros on the left ('=' alignment is refused)
print(format('ab', '05'), format('ab', '<05'), '%05s' % 'ab')
