# helper: a module whose body raises
loaded_partly = True
raise ValueError('module body failed')
