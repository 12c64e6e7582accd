def f(v):
    print v, 2
