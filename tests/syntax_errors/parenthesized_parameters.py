def offset( (base, x):
    return base + x
