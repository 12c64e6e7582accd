"""Generator pipelines: yield, yield from, send() and generator expressions."""


def read_lines(text):
    """Yield non-empty, stripped lines."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            yield line


def parse_records(lines):
    for line in lines:
        name, _, score = line.partition(",")
        yield name.strip(), int(score)


def only_passing(records, threshold=50):
    yield from (r for r in records if r[1] >= threshold)


def chain(*iterables):
    for it in iterables:
        yield from it


def flatten(nested):
    """Recursively flatten nested lists with yield from."""
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def running_average():
    """Coroutine-style generator: send numbers, receive the running mean."""
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count


def echo_round_trip():
    received = []
    while True:
        x = yield
        if x == "stop":
            return received
        received.append(x)


def delegator():
    result = yield from echo_round_trip()
    yield f"collected {len(result)}: {result}"


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


DATA = """
    alice, 72
    bob, 45

    carol, 91
    dave, 50
"""

if __name__ == "__main__":
    records = list(parse_records(read_lines(DATA)))
    print("records:", records)
    print("passing:", [name for name, _ in only_passing(records)])
    print("chained:", list(chain("ab", [1, 2], (3,))))
    print("flattened:", list(flatten([1, [2, [3, [4]], 5], [[6]]])))

    avg = running_average()
    next(avg)
    for v in (10, 20, 60):
        print("running average:", avg.send(v))
    try:
        avg.send(None)
    except StopIteration as stop:
        print("averaged", stop.value, "values")

    d = delegator()
    next(d)
    d.send("x")
    d.send("y")
    print(d.send("stop"))

    fib = fibonacci()
    first_ten = [next(fib) for _ in range(10)]
    print("fibonacci:", first_ten)
    evens = sum(x for x in first_ten if x % 2 == 0)
    print("sum of even fibs:", evens)
    gen = (x * y for x in range(1, 4) for y in range(1, 4) if x != y)
    print("products:", list(gen))
