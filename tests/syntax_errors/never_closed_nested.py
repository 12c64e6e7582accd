result = f(g(1), [2, 3]
