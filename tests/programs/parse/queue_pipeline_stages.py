"""A three-stage pipeline: reader -> transformer threads -> writer, connected by queues."""

import queue
import threading

DONE = object()


class Stage(threading.Thread):
    """A worker thread that applies a function to everything in its inbox."""

    def __init__(self, name, func, inbox, outbox, *, daemon=True):
        super().__init__(name=name, daemon=daemon)
        self.func = func
        self.inbox = inbox
        self.outbox = outbox
        self.handled = 0

    def run(self):
        while (item := self.inbox.get()) is not DONE:
            result = self.func(item)
            if result is not None:
                self.outbox.put(result)
            self.handled += 1
        self.outbox.put(DONE)


def parse(line):
    key, sep, value = line.partition("=")
    if not sep:
        return None  # drop malformed lines
    return key.strip(), value.strip()


def transform(pair):
    key, value = pair
    return key.upper(), value[::-1] if value.isalpha() else int(value) * 2


RAW = ["a = apple", "b = 21", "garbage", "c = cherry", "d = 4", "", "e = 100"]


def main():
    q_raw, q_parsed, q_out = queue.Queue(), queue.Queue(maxsize=2), queue.Queue()
    parser = Stage("parser", parse, q_raw, q_parsed)
    transformer = Stage("transformer", transform, q_parsed, q_out)
    parser.start()
    transformer.start()

    for line in RAW:
        q_raw.put(line)
    q_raw.put(DONE)

    output = []
    while True:
        item = q_out.get(timeout=5)
        if item is DONE:
            break
        output.append(item)

    parser.join()
    transformer.join()
    print("parser handled:", parser.handled)
    print("transformer handled:", transformer.handled)
    for key, value in output:
        print(f"  {key} -> {value!r}")

    # LIFO and priority queues behave differently from FIFO
    lifo, prio = queue.LifoQueue(), queue.PriorityQueue()
    for n in (3, 1, 2):
        lifo.put(n)
        prio.put((n, f"job{n}"))
    print("lifo:", [lifo.get() for _ in range(3)])
    print("priority:", [prio.get()[1] for _ in range(3)])
    try:
        queue.Queue().get_nowait()
    except queue.Empty:
        print("empty queue raises queue.Empty")


if __name__ == "__main__":
    main()
