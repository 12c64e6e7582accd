x = 1
y = 2
b = rb"""\d+
