def loop(items):
    i = 0
    while True:
        if not (i < len(items) and items[i]):
            break
        assert items[i] > 0, "positive"
        i += 1
    key = lambda item, scale=2: item * scale
    return key
