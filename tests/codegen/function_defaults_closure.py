def make_counter(start=0, *, step=1):
    "Count from start."
    count = start
    def tick(times=1):
        nonlocal count
        count += step * times
        return count
    return tick
