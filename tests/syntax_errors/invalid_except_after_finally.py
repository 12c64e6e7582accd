try:
    pass
finally:
    pass
except ValueError:
    pass
