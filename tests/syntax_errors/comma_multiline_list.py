names = [
    first
    second,
]
