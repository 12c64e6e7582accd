s = f'value: {}'
