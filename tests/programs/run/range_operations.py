# range's own operations, through the operators: membership of non-int values, slicing,
# hashing of equal ranges.
print(1.0 in range(3), 2.5 in range(3), True in range(2))
print(range(10)[0:3:2], range(0, 20, 3)[1:6:2])
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 2, 5)) == hash(range(1, 3, 7)))
