# slice reads with negative steps and bounds
l = list(range(10))
print(l[::-1], l[-3:], l[:-3], l[8:2:-2], l[100:], l[-100:2], l[5:1], l[::4])
