# adder-args: -X heapsize=32K
# exit: 1
# an uncaught MemoryError stops the program with status 1
print('start')
x = 'y' * 1000000
print('never')
