if True:
    if False:
        return 5
