a, *b, c, *d = range(10)
