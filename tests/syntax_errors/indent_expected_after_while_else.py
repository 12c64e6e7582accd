while False:
    pass
else:
print('done')
