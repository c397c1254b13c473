# widths count code points, not bytes
print('[%5s] [%-5s] [%.2s]' % ('é€', 'ü', '😀ab'), f'[{"é":>3}]', '[{:^5}]'.format('€'))
