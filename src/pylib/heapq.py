"""heapq: binary min-heaps kept in plain lists (heap[k] <= heap[2*k+1] and
heap[k] <= heap[2*k+2]) -- heappush, heappop, heapify, heapreplace, heappushpop,
nlargest, nsmallest and merge, plus the max-heap helpers.

Written for gilpy from the documented behaviour of CPython 3.11's module. Items are moved
in the same order as CPython's implementation (a pop sifts the hole down to a leaf, then
sifts the moved item up), so equal items come out in the same order, and only `<` is used
to compare them.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def _sift_up_to(heap, root, pos):
    """Move heap[pos] towards `root` while it is smaller than its parent."""
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if item < above:
            heap[pos] = above
            pos = parent
            continue
        break
    heap[pos] = item


def _sift_down_from(heap, pos):
    """Refill the hole at `pos`: move the smaller child up until a leaf is reached,
    put the item there, then let it rise to its place."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_up_to(heap, start, pos)


def _check_list(heap, name, which=" 1"):
    if not isinstance(heap, list):
        raise TypeError(name + "() argument" + which + " must be list, not " +
                        type(heap).__name__)


def heappush(heap, item):
    """Push item onto heap, keeping the heap invariant."""
    _check_list(heap, "heappush")
    heap.append(item)
    _sift_up_to(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap."""
    _check_list(heap, "heappop")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _sift_down_from(heap, 0)
    return smallest


def heapreplace(heap, item):
    """Pop the smallest item, then push `item` (the heap must not be empty)."""
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _sift_down_from(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push `item`, then pop the smallest item -- in one step."""
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _sift_down_from(heap, 0)
        return smallest
    return item


def heapify(x):
    """Rearrange a list into a heap, in place, in linear time."""
    _check_list(x, "heapify", "")
    i = len(x) // 2 - 1
    while i >= 0:
        _sift_down_from(x, i)
        i -= 1


# ---- max-heap helpers (used by nlargest and merge(reverse=True)) ----

def _sift_up_to_max(heap, root, pos):
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if above < item:
            heap[pos] = above
            pos = parent
            continue
        break
    heap[pos] = item


def _sift_down_from_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_up_to_max(heap, start, pos)


def _heapify_max(x):
    i = len(x) // 2 - 1
    while i >= 0:
        _sift_down_from_max(x, i)
        i -= 1


def _heappop_max(heap):
    last = heap.pop()
    if not heap:
        return last
    largest = heap[0]
    heap[0] = last
    _sift_down_from_max(heap, 0)
    return largest


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _sift_down_from_max(heap, 0)
    return largest


# ---- merge ----

def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (ties: earlier inputs first)."""
    if reverse:
        pushdown = _sift_down_from_max
        make = _heapify_max
        popper = _heappop_max
        direction = -1
    else:
        pushdown = _sift_down_from
        make = heapify
        popper = heappop
        direction = 1
    entries = []
    # Each entry: [sort value, input number, current item, the input's __next__].
    order = 0
    for it in iterables:
        nxt = iter(it).__next__
        try:
            value = nxt()
        except StopIteration:
            order += direction
            continue
        if key is None:
            entries.append([value, order, nxt])
        else:
            entries.append([key(value), order, value, nxt])
        order += direction
    make(entries)
    if key is None:
        while len(entries) > 1:
            try:
                while True:
                    entry = entries[0]
                    value, _, nxt = entry
                    yield value
                    entry[0] = nxt()
                    pushdown(entries, 0)
            except StopIteration:
                popper(entries)
        if entries:
            value, _, nxt = entries[0]
            yield value
            for value in _rest(nxt):
                yield value
        return
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                _, _, value, nxt = entry
                yield value
                value = nxt()
                entry[0] = key(value)
                entry[2] = value
                pushdown(entries, 0)
        except StopIteration:
            popper(entries)
    if entries:
        _, _, value, nxt = entries[0]
        yield value
        for value in _rest(nxt):
            yield value


def _rest(nxt):
    while True:
        try:
            v = nxt()
        except StopIteration:
            return
        yield v


# ---- nsmallest / nlargest ----

def _extreme(iterable, key, largest):
    """[min(iterable)] or [max(iterable)] (empty for empty input): the first of equal
    extremes wins, as with min() and max()."""
    it = iter(iterable)
    for best in it:
        break
    else:
        return []
    best_key = best if key is None else key(best)
    for elem in it:
        k = elem if key is None else key(elem)
        if (best_key < k) if largest else (k < best_key):
            best = elem
            best_key = k
    return [best]


def nsmallest(n, iterable, key=None):
    """The n smallest items (same as sorted(iterable, key=key)[:n])."""
    if n == 1:
        return _extreme(iterable, key, False)
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    it = iter(iterable)
    # Keep the n best as a max-heap of (value, order, item); the order breaks ties so
    # earlier items win, and keeps items themselves from being compared.
    if key is None:
        result = []
        order = 0
        for elem in it:
            result.append((elem, order))
            order += 1
            if order == n:
                break
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for (elem, _) in result]
    result = []
    order = 0
    for elem in it:
        result.append((key(elem), order, elem))
        order += 1
        if order == n:
            break
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for (_, _, elem) in result]


def nlargest(n, iterable, key=None):
    """The n largest items (same as sorted(iterable, key=key, reverse=True)[:n])."""
    if n == 1:
        return _extreme(iterable, key, True)
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    it = iter(iterable)
    # A min-heap of the n best; the order counts down so earlier items win ties.
    if key is None:
        result = []
        order = 0
        for elem in it:
            result.append((elem, order))
            order -= 1
            if order == -n:
                break
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for (elem, _) in result]
    result = []
    order = 0
    for elem in it:
        result.append((key(elem), order, elem))
        order -= 1
        if order == -n:
            break
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for (_, _, elem) in result]
