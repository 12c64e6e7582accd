"""Shared state between threads: a global counter guarded by a Lock, plus a Barrier."""

import threading

counter = 0
counter_lock = threading.Lock()
checkpoints = []
INCREMENTS = 1000
THREADS = 5


def increment_many(n):
    global counter
    for _ in range(n):
        with counter_lock:
            counter += 1


def reset():
    global counter, checkpoints
    counter = 0
    checkpoints = []


class SafeTally:
    """Per-key tallies protected by a reentrant lock."""

    def __init__(self):
        self._lock = threading.RLock()
        self._tally = {}

    def add(self, key, amount=1):
        with self._lock:
            self._tally[key] = self._tally.get(key, 0) + amount

    def add_many(self, keys):
        with self._lock:  # re-entered by add()
            for k in keys:
                self.add(k)

    def snapshot(self):
        with self._lock:
            return dict(sorted(self._tally.items()))


def phase_worker(barrier, tally, worker_id, log, log_lock):
    tally.add_many(["start"])
    index = barrier.wait()  # everyone finishes phase one before phase two
    with log_lock:
        log.append(("phase2", worker_id))
    tally.add("even" if worker_id % 2 == 0 else "odd")
    return index


def main():
    threads = [threading.Thread(target=increment_many, args=(INCREMENTS,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("counter:", counter, "expected:", INCREMENTS * THREADS)

    reset()
    print("after reset:", counter, checkpoints)

    barrier = threading.Barrier(3)
    tally = SafeTally()
    log, log_lock = [], threading.Lock()
    workers = [
        threading.Thread(target=phase_worker, args=(barrier, tally, i, log, log_lock))
        for i in range(3)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("tally:", tally.snapshot())
    print("phase two entries:", sorted(log))

    local = threading.local()
    seen = []

    def remember(value):
        local.value = value
        seen.append(local.value * 2)

    ts = [threading.Thread(target=remember, args=(v,)) for v in (1, 2, 3)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    print("thread-local results:", sorted(seen), "main has value:", hasattr(local, "value"))

    done = threading.Event()
    threading.Timer(0.01, done.set).start()
    print("event set in time:", done.wait(timeout=5))


if __name__ == "__main__":
    main()
