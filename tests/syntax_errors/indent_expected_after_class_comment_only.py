class Empty:
    # nothing here
