# A set display of three or more constants is folded by CPython into a frozenset constant,
# then merged into a new set, which fixes the order colliding int keys print in.
print({3, 1, 2, 11})
print({1, 3, 11, 50})
print({-1, -2, 7})
