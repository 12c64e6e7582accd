# zip(strict=True) over iterables of equal length ends normally.
print(list(zip("ab", [1, 2], strict=True)))
print(list(zip([], [], strict=True)))
print(list(zip("abc", range(3), (None, True, 1.5), strict=True)))
for pair in zip([1], [2], strict=True):
    print(pair)
