counts[key(x)] += 1
obj.total -= amount
n **= 2
a[1:j] |= mask
