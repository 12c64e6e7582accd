def run():
    for ch in 'abc':
        if ch == 'b'
            return ch
