# While select.poll waits, machine.Timer callbacks still run (virtual time: deterministic counts);
# ipoll with the one-shot flag.
# adder-args: --fast-time
import machine
import select
import socket
import time

hits = []
tim = machine.Timer(0)
tim.init(period=20, mode=machine.Timer.PERIODIC, callback=lambda t: hits.append(time.ticks_ms()))

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(('127.0.0.1', 0))
p = select.poll()
p.register(a, select.POLLIN)
t0 = time.ticks_ms()
print(p.poll(110))
print(len(hits), time.ticks_diff(time.ticks_ms(), t0) >= 110)

# a timer callback can make the awaited socket ready
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tim.init(period=30, mode=machine.Timer.ONE_SHOT, callback=lambda t: b.sendto(b'wake', a.getsockname()))
res = p.poll(1000)
print([(o is a, ev) for o, ev in res], a.recv(10))
tim.deinit()

b.sendto(b'x', a.getsockname())
for o, ev in p.ipoll(100, 1):
    print('ipoll', o is a, ev)
print(list(p.ipoll(0)))        # one-shot: a is disarmed until modify
p.modify(a, select.POLLIN)
print([(o is a, ev) for o, ev in p.ipoll(0)], a.recv(10))
print(select.select([a], [], [], 0.05))
a.close()
b.close()
