"""Bounded buffer built on threading.Condition, with two producers and two consumers."""

import threading
from collections import deque


class BoundedBuffer:
    """A fixed-size FIFO that blocks producers when full and consumers when empty."""

    def __init__(self, capacity: int = 3):
        self.capacity: int = capacity
        self._items = deque()
        self._cond = threading.Condition()
        self.max_seen = 0

    def put(self, item):
        with self._cond:
            while len(self._items) >= self.capacity:
                self._cond.wait()
            self._items.append(item)
            self.max_seen = max(self.max_seen, len(self._items))
            self._cond.notify_all()

    def get(self):
        with self._cond:
            while not self._items:
                self._cond.wait()
            item = self._items.popleft()
            self._cond.notify_all()
            return item


def make_items(prefix, count):
    """Generator of labelled work items."""
    for i in range(count):
        yield f"{prefix}{i:02d}"


def producer(buf, prefix, count):
    for item in make_items(prefix, count):
        buf.put(item)


def consumer(buf, sink, lock):
    while True:
        item = buf.get()
        if item is None:  # poison pill
            return
        with lock:
            sink.append(item.upper())


def main():
    buf = BoundedBuffer(capacity=3)
    consumed = []
    sink_lock = threading.Lock()

    producers = [threading.Thread(target=producer, args=(buf, p, 6)) for p in ("a", "b")]
    consumers = [threading.Thread(target=consumer, args=(buf, consumed, sink_lock)) for _ in range(2)]

    for t in producers + consumers:
        t.start()
    for t in producers:
        t.join()
    for _ in consumers:
        buf.put(None)
    for t in consumers:
        t.join()

    consumed.sort()
    print(f"consumed {len(consumed)} items")
    print("first three:", consumed[:3])
    print("last three:", consumed[-3:])
    print("buffer never exceeded capacity:", buf.max_seen <= buf.capacity)
    by_prefix = {}
    for item in consumed:
        by_prefix.setdefault(item[0], []).append(int(item[1:]))
    for key in sorted(by_prefix):
        print(key, "->", sum(by_prefix[key]))


if __name__ == "__main__":
    main()
