# uncaught KeyError prints its repr
d = {}
d['missing']
