doc = """Start of docs
more text

x = 1
