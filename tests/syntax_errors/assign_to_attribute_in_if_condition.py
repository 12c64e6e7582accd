def check(v):
    if v.count = 3:
        return True
