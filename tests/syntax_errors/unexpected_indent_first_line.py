    print('hi')
