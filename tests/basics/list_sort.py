# list.sort and sorted: key, reverse, stability
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'fig']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]
pairs.sort(key=lambda p: p[0])
print(pairs)
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs, reverse=True)
print(nums)
print(sorted(range(20), key=lambda x: x % 3))
print(sorted([3.5, 1, 2.25, -1]), sorted('hello'), sorted([]))
print(sorted([[2, 1], [1, 2], [1]]))
print(sorted({3: 'a', 1: 'b'}))
