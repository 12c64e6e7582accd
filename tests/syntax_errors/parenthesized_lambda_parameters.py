scale = lambda (x): x * 2
