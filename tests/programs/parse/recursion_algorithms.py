"""Classic recursive algorithms: factorial, Hanoi, permutations, memoised Fibonacci."""

from functools import lru_cache
import sys


def factorial(n: int) -> int:
    return 1 if n <= 1 else n * factorial(n - 1)


def hanoi(n, source="A", target="C", spare="B", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, source, spare, target, moves)
        moves.append((source, target))
        hanoi(n - 1, spare, target, source, moves)
    return moves


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, head in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [head] + rest


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def binary_search(seq, target, lo=0, hi=None):
    if hi is None:
        hi = len(seq)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if seq[mid] == target:
        return mid
    elif seq[mid] < target:
        return binary_search(seq, target, mid + 1, hi)
    else:
        return binary_search(seq, target, lo, mid)


def merge_sort(xs):
    if len(xs) < 2:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    merged = []
    while left and right:
        merged.append((left if left[0] <= right[0] else right).pop(0))
    return merged + left + right


def depth(tree):
    """Depth of a nested-tuple tree like (value, [children])."""
    value, children = tree
    return 1 + max((depth(c) for c in children), default=0)


print("10! =", factorial(10))
print("30! =", factorial(30))
moves = hanoi(3)
print("hanoi(3):", len(moves), "moves:", " ".join(f"{a}{b}" for a, b in moves))
print("permutations:", ["".join(p) for p in permutations("abc")])
print("fib(90) =", fib(90), "cache hits > 0:", fib.cache_info().hits > 0)
data = [1, 3, 5, 7, 9, 11, 13]
print("search:", [binary_search(data, t) for t in (1, 7, 13, 4)])
print("merge sort:", merge_sort([5, 2, 9, 1, 5, 6, -3]))
tree = (1, [(2, [(4, [])]), (3, [(5, [(6, [])])])])
print("tree depth:", depth(tree))
print("recursion limit is positive:", sys.getrecursionlimit() > 0)
