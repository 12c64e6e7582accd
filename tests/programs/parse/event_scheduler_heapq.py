"""A discrete-event simulation with a heapq-based priority queue (no real time)."""

import heapq
import itertools


class Scheduler:
    def __init__(self):
        self._queue = []
        self._counter = itertools.count()  # tie-breaker keeps FIFO order
        self.now = 0
        self.log = []

    def schedule(self, delay, action, *args):
        heapq.heappush(self._queue, (self.now + delay, next(self._counter), action, args))

    def run(self, until=None):
        while self._queue:
            when, _, action, args = self._queue[0]
            if until is not None and when > until:
                break
            heapq.heappop(self._queue)
            self.now = when
            action(self, *args)
        return len(self._queue)


def customer_arrives(sched, name, service_time):
    sched.log.append(f"t={sched.now:>3}: {name} arrives")
    sched.schedule(service_time, customer_leaves, name)


def customer_leaves(sched, name):
    sched.log.append(f"t={sched.now:>3}: {name} leaves")


def ticker(sched, remaining):
    sched.log.append(f"t={sched.now:>3}: tick ({remaining} left)")
    if remaining > 1:
        sched.schedule(10, ticker, remaining - 1)


sched = Scheduler()
arrivals = [("ann", 0, 7), ("ben", 3, 2), ("cat", 3, 12), ("dan", 15, 1)]
for name, at, service in arrivals:
    sched.schedule(at, customer_arrives, name, service)
sched.schedule(0, ticker, 3)

left = sched.run(until=14)
print("paused at", sched.now, "with", left, "pending events")
sched.run()
print("\n".join(sched.log))
print("finished at t =", sched.now)

# heapq helpers on plain data
tasks = [(3, "write"), (1, "plan"), (2, "code"), (5, "ship"), (4, "test")]
heapq.heapify(tasks)
print("smallest:", heapq.nsmallest(2, tasks))
print("largest:", heapq.nlargest(2, tasks))
order = [heapq.heappop(tasks)[1] for _ in range(len(tasks))]
print("order:", " -> ".join(order))
merged = list(heapq.merge([1, 4, 9], [2, 3, 10], [5]))
print("merged:", merged)
