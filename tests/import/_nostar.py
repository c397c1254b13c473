# helper for `from _nostar import *` without __all__
visible = 'visible'
_hidden = 'underscore names are skipped'
