# return/break/continue interacting with finally
def ret_in_try():
    try:
        return 'try'
    finally:
        print('finally runs before return')
print(ret_in_try())
def ret_override():
    try:
        return 'try'
    finally:
        return 'finally'
print(ret_override())
def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'finally return swallows exception'
print(swallow())
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('finally', i)
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('break finally', i)
def loop_break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'break in finally discards the exception'
print(loop_break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            raise ValueError
        finally:
            out.append(i)
            continue
    return out
print(continue_in_finally())
def nested():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested())
def count():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                continue
            return n
        finally:
            print('tick', n)
print(count())
