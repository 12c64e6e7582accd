"""Using multiprocessing.Pool to spread CPU work over a few processes."""

import multiprocessing as mp
from functools import partial


def square(x):
    return x * x


def power(base, exponent=2):
    return base ** exponent


def collatz_length(n: int) -> int:
    """Number of steps for n to reach 1 in the Collatz sequence."""
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    numbers = list(range(10))
    with mp.Pool(processes=2) as pool:
        squares = pool.map(square, numbers)
        cubes = pool.map(partial(power, exponent=3), numbers)
        lengths = pool.map(collatz_length, range(1, 21), chunksize=5)
        pairs = pool.starmap(power, [(2, 10), (3, 4), (10, 3)])
        async_result = pool.apply_async(sum, (squares,))
        total = async_result.get(timeout=10)

    print("squares:", squares)
    print("cubes:", cubes)
    print("collatz lengths:", lengths)
    longest = max(range(1, 21), key=lambda n: lengths[n - 1])
    print("longest chain below 21 starts at", longest, "with", lengths[longest - 1], "steps")
    print("starmap:", pairs)
    print("sum of squares:", total)


if __name__ == "__main__":
    main()
