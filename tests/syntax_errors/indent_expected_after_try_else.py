try:
    pass
except Exception:
    pass
else:
print('ok')
