"""Processes that communicate through a multiprocessing.Queue and share a Value."""

from multiprocessing import Process, Queue, Value, Lock


def count_words(task_id, text, out_queue, counter, lock):
    words = text.split()
    with lock:
        counter.value += len(words)
    longest = max(words, key=len) if words else ""
    out_queue.put((task_id, len(words), longest))


TEXTS = [
    "the quick brown fox jumps over the lazy dog",
    "multiprocessing lets python use several cores",
    "queues carry pickled objects between processes",
    "",
]


def main():
    out_queue = Queue()
    counter = Value("i", 0)
    lock = Lock()
    procs = []
    for task_id, text in enumerate(TEXTS):
        p = Process(target=count_words, args=(task_id, text, out_queue, counter, lock))
        procs.append(p)
        p.start()

    results = [out_queue.get(timeout=10) for _ in procs]
    for p in procs:
        p.join()

    results.sort()
    for task_id, n_words, longest in results:
        print(f"task {task_id}: {n_words} words, longest={longest!r}")
    print("total words:", counter.value)
    print("exit codes:", [p.exitcode for p in procs])


if __name__ == "__main__":
    main()
