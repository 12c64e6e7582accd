ok = 0 <= index < len(items) != limit
if a < b < c:
    pass
