# An uncaught exception deep in calls: the traceback with 3.11's position markers.
def parse(record):
    key, value = record
    return {key: int(value) * 2}


def load(records):
    out = {}
    for r in records:
        out.update(parse(r)) if False else out.setdefault(r[0], 1 / (len(r) - 2))
    return out


print("start")
load([("a", "1"), ("b", "2")])
