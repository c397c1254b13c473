# adder-args: -X heapsize=4M
# (three 50000-item lists plus the key array peak at 1.7-2.1 MB depending on where a stale
#  conservative-GC root leaves the previous list: the default 2 MB heap is on that edge)
# sorting a large list is not quadratic and is correct
n = 50000
l = [(i * 7919) % n for i in range(n)]
l.sort()
print(l[:5], l[-3:], all(l[i] <= l[i + 1] for i in range(n - 1)))
l = list(range(n)); l.sort(reverse=True); print(l[:3])
l = [i % 10 for i in range(n)]; l.sort(key=lambda x: -x); print(l[0], l[-1])
