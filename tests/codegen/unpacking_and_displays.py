a, (b, *c), d = seq
first, *_ = seq
merged = {"x": 1, **defaults, "y": y}
combined = [*left, middle, *right]
point = (1, -2, ("a", None))
