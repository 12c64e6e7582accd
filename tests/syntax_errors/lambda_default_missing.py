f = lambda a, c=: a + c
