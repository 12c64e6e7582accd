# `set in set_of_frozensets` looks the set up as the equal frozenset.
print({2} in {frozenset([2])}, {3} in {frozenset([2])}, set() in {frozenset()})
