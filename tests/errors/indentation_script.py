# a script with an indentation error
def f():
    return 1
      return 2
