# helper for `from _star import *`
__all__ = ['public', 'listed_private']
public = 'public'
listed_private = 'listed'
not_listed = 'hidden by __all__'
