# In-place operators on subclasses and with non-dict operands.
class L(list):
    pass


l = L([1])
l += (2, 3)
print(type(l).__name__, l)
l *= 2
print(type(l).__name__, l)
d = {}
d |= [(1, 2)]
print(d)
