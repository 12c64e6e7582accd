def compute(a, b):
    result = a + * b
    return result
