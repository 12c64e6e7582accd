for x in range(3):
    class B:
        continue
