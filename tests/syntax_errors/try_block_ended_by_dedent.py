if ready:
    try:
        value = 1
except ValueError:
    pass
