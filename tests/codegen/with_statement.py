def read(path):
    with open(path) as f, lock:
        return f.read()
    with manager():
        pass
