def show(v):
    label = 'v'
    return f'{label}: {v!x}'
