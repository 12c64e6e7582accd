"""concurrent.futures: ThreadPoolExecutor with map, submit, as_completed and errors."""

from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_EXCEPTION
import threading


def checksum(data: bytes) -> int:
    """Adler-32 style checksum written by hand."""
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def fragile(n):
    if n == 3:
        raise ValueError(f"bad input {n}")
    return n * n


documents = {
    "empty": b"",
    "hello": b"hello world",
    "digits": bytes(range(48, 58)) * 20,
    "wiki": b"Wikipedia",
}

with ThreadPoolExecutor(max_workers=3, thread_name_prefix="sum") as pool:
    # map keeps input order
    names = list(documents)
    for name, value in zip(names, pool.map(checksum, documents.values())):
        print(f"{name:>7}: {value:#010x}")

    # submit + as_completed returns in completion order, so sort afterwards
    futures = {pool.submit(fragile, n): n for n in range(6)}
    results, errors = [], []
    for fut in as_completed(futures):
        n = futures[fut]
        try:
            results.append((n, fut.result()))
        except ValueError as exc:
            errors.append((n, str(exc)))
    print("results:", sorted(results))
    print("errors:", errors)

    lock = threading.Lock()
    seen_threads = set()

    def record(i):
        with lock:
            seen_threads.add(threading.current_thread().name.split("_")[0])
        return i

    done, not_done = wait([pool.submit(record, i) for i in range(10)], return_when=FIRST_EXCEPTION)
    print("done:", len(done), "not done:", len(not_done))
    print("thread name prefixes:", sorted(seen_threads))

    future = pool.submit(sum, range(101))
    future.add_done_callback(lambda f: None)
    print("sum via future:", future.result(timeout=5), "done?", future.done())

print("Wikipedia checksum matches known value:", checksum(b"Wikipedia") == 0x11E60398)
