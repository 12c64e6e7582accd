for i in range(3):
    if i:
        x = i +
    print(x)
