# fannkuch.py: the fannkuch-redux permutation benchmark (list indexing and slice assignment).
# usage: fannkuch.py [scale]
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_count % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main(scale):
    n = 9 if scale >= 1 else 8 if scale >= 0.3 else 7 if scale >= 0.05 else 5
    checksum, flips = fannkuch(n)
    print("fannkuch", n, checksum, flips)


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
