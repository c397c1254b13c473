# helper: a module with a syntax error
def broken(:
    pass
