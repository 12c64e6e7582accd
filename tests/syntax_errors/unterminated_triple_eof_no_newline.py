s = '''abc
def