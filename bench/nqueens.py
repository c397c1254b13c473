# nqueens.py: count the solutions of the n-queens puzzle by backtracking (lists, recursion).
# usage: nqueens.py [scale]
import sys


def count_queens(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)

    def place(row):
        if row == n:
            return 1
        found = 0
        for c in range(n):
            if not cols[c] and not diag1[row + c] and not diag2[row - c + n]:
                cols[c] = diag1[row + c] = diag2[row - c + n] = True
                found += place(row + 1)
                cols[c] = diag1[row + c] = diag2[row - c + n] = False
        return found

    return place(0)


def solutions_as_tuples(n):
    # a second formulation: permutations grown as tuples, checked with sets
    out = []

    def grow(prefix):
        row = len(prefix)
        if row == n:
            out.append(prefix)
            return
        used = set(prefix)
        for c in range(n):
            if c in used:
                continue
            if any(abs(c - pc) == row - pr for pr, pc in enumerate(prefix)):
                continue
            grow(prefix + (c,))

    grow(())
    return out


def main(scale):
    reps = max(1, int(6 * scale))
    total = 0
    for _ in range(reps):
        total += count_queens(8)
    sols = solutions_as_tuples(7 if scale >= 0.5 else 5)
    print("nqueens", reps, total, len(sols), sols[0], sols[-1])


main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
