"""Decorators (including arbitrary expressions), closures, global and nonlocal."""

import functools

call_log = []
registry = {}


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        call_log.append(func.__name__)
        return func(*args, **kwargs)
    return wrapper


def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator


class Registry:
    def __init__(self, name):
        self.name = name
        self.functions = []

    def register(self, func):
        self.functions.append(func.__name__)
        return func


plugins = {"math": Registry("math"), "text": Registry("text")}
decorators = [logged, repeat(2)]


@logged
def add(a, b):
    return a + b


@repeat(3)
def shout(word):
    return word.upper()


@plugins["math"].register
def double(x):
    return 2 * x


@decorators[0]
@plugins["text"].register
def title(s):
    return s.title()


@(lambda f: functools.partial(f, 100))
def offset(base, x):
    return base + x


@plugins["math"].register if True else None
def triple(x):
    return 3 * x


def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment


total_calls = 0


def bump():
    global total_calls
    total_calls += 1
    return total_calls


def make_multipliers():
    return [lambda x, i=i: x * i for i in range(1, 4)]


print(add(2, 3), add(b=4, a=1))
print(shout("hey"))
print(double(21), title("hello world"), offset(5), triple(7))
print("log:", call_log)
print("math plugins:", plugins["math"].functions)
print("text plugins:", plugins["text"].functions)
counter = make_counter()
counter()
counter(5)
print("counter:", counter())
for _ in range(4):
    bump()
print("global total:", total_calls)
print("multipliers:", [m(10) for m in make_multipliers()])
print("wrapped name:", add.__name__)
