# The time module: its deterministic parts (gmtime, strftime on gmtime values, struct_time,
# asctime, argument errors) and invariants of the clocks, sleep and the local time zone.
import time


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


for t in [0, 1, 86399.99, -1.5, 951782400, 1700000000, 2 ** 31, 4102444800]:
    print(t, time.gmtime(t))
st = time.gmtime(1700000000)
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, st.tm_sec, st.tm_wday,
      st.tm_yday, st.tm_isdst, st.tm_zone, st.tm_gmtoff)
print(len(st), st[0], st[-1], st[1:4], tuple(st), list(st)[:2], isinstance(st, tuple))
print(st == (2023, 11, 14, 22, 13, 20, 1, 318, 0), str(st) == repr(st))
year, month, *rest = st
print(year, month, rest)
print(type(st), type(st).__name__, time.struct_time.n_fields, time.struct_time.n_sequence_fields)

for fmt in ["%Y-%m-%d %H:%M:%S", "%X", "%x", "%c", "%a %A %b %B", "%j %U %W %w %y",
            "%I:%M %p", "%%", "%d/%m/%Y", "%H:%M:%S", "plain text", "", "%Y \u00e9t\u00e9 %m"]:
    print(repr(fmt), repr(time.strftime(fmt, st)))
print(time.strftime("%Y-%m-%d", (2024, 2, 29, 0, 0, 0, 3, 60, 0)))
print(time.strftime("%Y %m %d %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime(st), time.asctime((2024, 1, 5, 1, 2, 3, 4, 5, 0)))

made = time.struct_time((2020, 5, 17, 10, 30, 0, 6, 138, -1))
print(made, made.tm_zone, made.tm_yday)
print(time.strftime("%A %d %B %Y", made))

# Errors.
show("gmtime('x')", lambda: time.gmtime("x"))
show("gmtime(1e300)", lambda: time.gmtime(1e300))
show("gmtime(1, 2)", lambda: time.gmtime(1, 2))
show("strftime(1)", lambda: time.strftime(1))
show("strftime('%Y', (1, 2))", lambda: time.strftime("%Y", (1, 2)))
show("strftime('%Y', [2024, 1, 1, 0, 0, 0, 0, 1, 0])", lambda: time.strftime("%Y", [2024, 1, 1, 0, 0, 0, 0, 1, 0]))
show("strftime('%Y', month 13)", lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0)))
show("strftime('%Y', hour 24)", lambda: time.strftime("%Y", (2024, 1, 1, 24, 0, 0, 0, 1, 0)))
show("strftime('%Y', yday 367)", lambda: time.strftime("%Y", (2024, 1, 1, 0, 0, 0, 0, 367, 0)))
show("strftime('a\\0b', st)", lambda: time.strftime("a\0b", st))
show("asctime(1)", lambda: time.asctime(1))
show("mktime(1)", lambda: time.mktime(1))
show("struct_time((1, 2, 3))", lambda: time.struct_time((1, 2, 3)))
show("sleep(-1)", lambda: time.sleep(-1))
show("sleep('x')", lambda: time.sleep("x"))
show("sleep()", lambda: time.sleep())

# Clocks.
print(type(time.time()), type(time.time_ns()), type(time.monotonic()), type(time.perf_counter_ns()))
print(time.time() > 1.6e9, abs(time.time_ns() / 1e9 - time.time()) < 5)
readings = [time.monotonic() for _ in range(1000)]
print(all(a <= b for a, b in zip(readings, readings[1:])))
ns = [time.monotonic_ns() for _ in range(1000)]
print(all(a <= b for a, b in zip(ns, ns[1:])))
print(time.process_time() >= 0, time.thread_time() >= 0)

# sleep waits at least as long as asked, in order.
order = []
start = time.perf_counter()
time.sleep(0.05)
order.append("first")
middle = time.perf_counter()
time.sleep(0)
time.sleep(0.02)
order.append("second")
end = time.perf_counter()
print(order, middle - start >= 0.05, end - middle >= 0.02, time.sleep(0.001))

# The local time zone, whatever it is.
t = 1700000000
local = time.localtime(t)
print(time.mktime(local) == t, local.tm_gmtoff in (-time.timezone, -time.altzone))
print(time.ctime(t) == time.asctime(local), time.daylight in (0, 1), len(time.tzname))
print(local.tm_zone in time.tzname, isinstance(time.timezone, int))
print(time.localtime().tm_year >= 2024, time.gmtime().tm_year >= 2024)
