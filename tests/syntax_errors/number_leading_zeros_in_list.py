codes = [1, 2, 007]
