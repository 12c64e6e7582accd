def gen(items):
    total = yield
    yield from items
    x = yield total
    return x
