def f():
    for x in y:
        pass
    else:
        pass
    break
