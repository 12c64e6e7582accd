"""A classic worker pool: threads pull jobs from a queue and push results back."""

import threading
import queue

NUM_WORKERS = 4
STOP = None  # sentinel that tells a worker to exit


def is_prime(n: int) -> bool:
    """Trial division, good enough for small numbers."""
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def worker(jobs: queue.Queue, results: queue.Queue, worker_id: int) -> None:
    processed = 0
    while True:
        item = jobs.get()
        if item is STOP:
            jobs.task_done()
            break
        number = item
        results.put((number, is_prime(number), worker_id))
        processed += 1
        jobs.task_done()
    results.put(("done", processed, worker_id))


def main():
    jobs = queue.Queue()
    results = queue.Queue()

    threads = [
        threading.Thread(target=worker, args=(jobs, results, i), name=f"worker-{i}")
        for i in range(NUM_WORKERS)
    ]
    for t in threads:
        t.start()

    numbers = list(range(1, 41))
    for n in numbers:
        jobs.put(n)
    for _ in threads:
        jobs.put(STOP)

    jobs.join()
    for t in threads:
        t.join()

    primes = []
    total_processed = 0
    finished_workers = 0
    while not results.empty():
        first, second, wid = results.get()
        if first == "done":
            finished_workers += 1
            total_processed += second
        elif second:
            primes.append(first)

    primes.sort()
    print("workers finished:", finished_workers)
    print("jobs processed:", total_processed)
    print("primes found:", len(primes))
    print("primes:", primes)
    print("all threads alive?", any(t.is_alive() for t in threads))
    print("thread names:", sorted(t.name for t in threads))


if __name__ == "__main__":
    main()
