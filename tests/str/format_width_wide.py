# format widths count code points, not display columns
print('[' + format('日本', '>5') + ']', f'[{"😀":*^5}]', '[%-4s]' % 'é')
