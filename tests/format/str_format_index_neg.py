# negative and non-int indices in str.format fields are keys
print('{0[-1]}'.format({'-1': 'neg'}), '{0[a]}'.format({'a': 1}))
