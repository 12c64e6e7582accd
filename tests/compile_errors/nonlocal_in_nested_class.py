def f():
    class A:
        nonlocal y
