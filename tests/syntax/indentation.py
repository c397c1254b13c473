# mixed indentation depths, blank lines and comments in blocks
def f(x):

    # comment at body start
    if x:
            y = 1   # deep indent

            return y
  # oddly indented comment
    return 0


print(f(1), f(0))
if True:
 print('one space')
 if True:
   print('three')
print('end')
