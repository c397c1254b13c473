# nested replacement fields in the spec
print('{:{}{}{}}'.format('x', '*', '^', 7), '{0:{fill}>{width}}'.format(3, fill='0', width=4))
