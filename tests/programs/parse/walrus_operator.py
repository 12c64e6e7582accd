"""The assignment expression (walrus) operator := in the places it is allowed."""

import re

# in an if condition
text = "order 66 shipped to 221B Baker Street"
if (m := re.search(r"\d+", text)) is not None:
    print("first number:", m.group(), "at", m.start())

if n := len(text):
    print("text length:", n)

# in a while condition: read chunks until exhausted
chunks = iter(["alpha", "beta", "", "gamma"])
while chunk := next(chunks):
    print("chunk:", chunk)

# processing a queue-like list
pending = [3, 1, 2]
done = []
while pending and (job := pending.pop()) is not None:
    done.append(job * 10)
print("done:", done)

# in comprehensions: reuse an expensive value
def cost(item):
    return len(item) * 3

items = ["pen", "notebook", "ink", "stapler"]
expensive = [(item, c) for item in items if (c := cost(item)) > 10]
print("expensive:", expensive)
print("last computed cost leaks out of the comprehension:", c)

running = 0
prefix_sums = [running := running + x for x in range(1, 6)]
print("prefix sums:", prefix_sums, "running:", running)

# as call arguments
print("length:", len(word := "walrus"), "word:", word)
print(max(a := 3, b := 7), a, b)

# nested in larger expressions (parenthesised)
values = [4, 8, 15, 16, 23, 42]
if (total := sum(values)) > 100 and (avg := total / len(values)) > 10:
    print(f"total={total} avg={avg:.2f}")

# in elif
for s in ("abc123", "xyz", "42"):
    if (digits := "".join(ch for ch in s if ch.isdigit())) == s:
        print(s, "is all digits")
    elif digits:
        print(s, "contains digits", digits)
    else:
        print(s, "has no digits")

# in a lambda body and in a conditional expression
counter = (lambda: (k := 5) * k)()
print("lambda with walrus:", counter)
label = "big" if (size := len(values)) > 5 else "small"
print("label:", label, size)
print("set of seen keys:", sorted({key for w in items if (key := w[0])}))
