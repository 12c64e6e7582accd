def f() -> None: :
    pass
