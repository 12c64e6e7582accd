# The order of sets made by the operators (|, &, -, ^ and their in-place forms): CPython
# builds them with its table algorithms (copy, then merge), which fixes the order of int keys.
a, b = set([1, 2, 3, 9]), set([3, 4, 17])
print(a | b, a & b, a - b, a ^ b, b | a, b - a, b ^ a)
print(frozenset(a) | b, a | frozenset(b))
c = {1, 2}
c |= {3, 11}
print(c)
c &= set([1, 3, 11, 50])
print(c)
c -= {1}
print(c)
c ^= {3, 4}
print(c)
c |= {99}
c &= set([11, 99, 4])
c -= {4}
c ^= {0}
print(c)
print(set(range(0, 64, 8)) | set(range(0, 64, 16)), {1: 0, 9: 0}.keys() | {17})
