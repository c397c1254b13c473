# translate with unicode keys and deletion
t = {ord('é'): 'e', ord('ü'): None, ord('a'): ord('A')}
print('éüa'.translate(t), 'xyz'.translate({}))
