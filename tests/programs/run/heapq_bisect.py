# heapq and bisect: heap operations with ties (items compare only by key, so the order
# equal items come out in shows the algorithm's exact moves), nlargest/nsmallest, merge,
# bisect/insort with lo/hi/key -- and their error messages.
import heapq
import bisect
import random


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Task:
    """Ordered by priority only; the tag tells equal priorities apart."""

    def __init__(self, priority, tag):
        self.priority = priority
        self.tag = tag

    def __lt__(self, other):
        return self.priority < other.priority

    def __repr__(self):
        return "%d%s" % (self.priority, self.tag)


rng = random.Random(12345)
tasks = [Task(rng.randrange(6), chr(97 + i % 26) + str(i // 26)) for i in range(60)]

heap = []
for t in tasks:
    heapq.heappush(heap, t)
print("pushed", heap)
print("popped", [heapq.heappop(heap) for _ in range(len(heap))])

h = list(tasks)
heapq.heapify(h)
print("heapified", h)
print("replace", heapq.heapreplace(h, Task(3, "R")), heapq.heapreplace(h, Task(0, "S")))
print("pushpop", heapq.heappushpop(h, Task(1, "P")), heapq.heappushpop(h, Task(9, "Q")),
      heapq.heappushpop([], Task(2, "E")))
print("after", h)
print("drain", [heapq.heappop(h) for _ in range(len(h))])

print("nsmallest", heapq.nsmallest(7, tasks))
print("nlargest", heapq.nlargest(7, tasks))
print("nsmallest iter", heapq.nsmallest(7, iter(tasks)))
print("nlargest iter", heapq.nlargest(7, iter(tasks)))
print("nsmallest key", heapq.nsmallest(6, iter(tasks), key=lambda t: -t.priority))
print("nlargest key", heapq.nlargest(6, iter(tasks), key=lambda t: t.priority % 4))
print("one", heapq.nsmallest(1, tasks), heapq.nlargest(1, tasks),
      heapq.nlargest(1, tasks, key=lambda t: -t.priority))
print("edge", heapq.nlargest(0, tasks), heapq.nsmallest(-1, tasks), heapq.nlargest(3, []),
      heapq.nsmallest(100, tasks)[:4], heapq.nlargest(2, iter([])))

parts = [sorted(tasks[i:i + 20], key=lambda t: t.priority) for i in (0, 20, 40)]
print("merge", list(heapq.merge(*parts)))
print("merge key", list(heapq.merge(*parts, key=lambda t: t.priority)))
rev = [list(reversed(p)) for p in parts]
print("merge reverse", list(heapq.merge(*rev, reverse=True)))
print("merge ints", list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [], [5, 6])))
print("merge strs", list(heapq.merge(["apple", "fig"], ["banana", "kiwi"], key=len)))
print("merge empty", list(heapq.merge()), list(heapq.merge([], [1])))

numbers = [5, 7, 9, 1, 3]
heapq.heapify(numbers)
print(numbers, numbers[0])
heapq.heappush(numbers, 4)
print(numbers, heapq.heappop(numbers), numbers)
pairs = []
for pri, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee")]:
    heapq.heappush(pairs, (pri, name))
print([heapq.heappop(pairs) for _ in range(len(pairs))])
print(heapq.nlargest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]))
print(heapq.nsmallest(3, [{"p": 3}, {"p": 1}, {"p": 2}], key=lambda d: d["p"]))

attempt("pop empty", lambda: heapq.heappop([]))
attempt("replace empty", lambda: heapq.heapreplace([], 1))
attempt("push tuple", lambda: heapq.heappush((), 1))
attempt("heapify int", lambda: heapq.heapify(3))
attempt("pushpop int", lambda: heapq.heappushpop(3, 1))
attempt("mixed", lambda: heapq.heappush([1], "a"))

# ---- bisect ----
data = [1, 3, 3, 3, 5, 8, 13]
print([bisect.bisect_left(data, x) for x in range(15)])
print([bisect.bisect_right(data, x) for x in range(15)])
print(bisect.bisect(data, 3), bisect.bisect(data, 3, 2, 4), bisect.bisect_left(data, 3, 2),
      bisect.bisect_right(data, 3, hi=2), bisect.bisect_left(data, 100, hi=-1))
sorted_list = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(sorted_list, x)
print(sorted_list)
bisect.insort_left(sorted_list, 5)
bisect.insort_right(sorted_list, 0, 0, 0)
print(sorted_list)
records = [("ann", 31), ("bob", 45), ("cid", 45), ("dee", 60)]
age = lambda r: r[1]
print(bisect.bisect_left(records, 45, key=age), bisect.bisect_right(records, 45, key=age),
      bisect.bisect(records, 10, key=age), bisect.bisect_left(records, 99, key=age))
bisect.insort_left(records, ("eve", 45), key=age)
bisect.insort_right(records, ("fay", 45), key=age)
bisect.insort(records, ("gus", 1), key=age)
print(records)


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
attempt("negative lo", lambda: bisect.bisect([], 1, -1))
attempt("not a sequence", lambda: bisect.bisect(3, 1))
attempt("insort tuple", lambda: bisect.insort((), 1))
attempt("hi too big", lambda: bisect.bisect([1, 2], 1, 0, 5))
