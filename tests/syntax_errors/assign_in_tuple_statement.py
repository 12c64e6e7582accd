width, precision precision = 10, 2
