f(*args, 1, **kwargs, sep="")
g(a, b, key=value)
obj.method(x, *rest)
print(*[1, 2, 3])
