# a script that does not compile: nothing runs, SyntaxError is the last stderr line
print('never printed')
x = = 1
