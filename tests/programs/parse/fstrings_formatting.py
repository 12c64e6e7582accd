"""f-strings: expressions, conversions, format specs, '=' and escaping braces."""

import math

name = "Ada"
age = 36
pi = math.pi
items = ["spam", "eggs"]
scores = {"math": 93.5, "art": 78.25}

print(f"{name} is {age} years old")
print(f"next year: {age + 1}, in hex: {age:#x}, binary: {age:08b}")
print(f"pi ~ {pi:.3f}, wide: [{pi:>12.4f}], left: [{pi:<10.2f}], centered: [{name:^9}]")
print(f"thousands: {1234567:,}, {1234567.891:_.2f}, percent: {0.256:.1%}")

# conversions
print(f"{name!r} {name!s} {'café'!a}")
print(f"{items!r:>20}")

# nested quotes of the other kind and expressions with calls
print(f"first item: {items[0]!r}, joined: {', '.join(items)}")
print(f'math score: {scores["math"]}, keys: {sorted(scores)}')
print(f"{'nested ' + f'{name.lower()}'}")
print(f"outer {f'inner {name!r:>6}'} done")

# format specs that contain replacement fields
width, precision = 10, 2
print(f"[{pi:{width}.{precision}f}]")
for align in "<^>":
    print(f"[{name:{'*'}{align}{width}}]")

# the self-documenting '=' form
x = 42
print(f"{x=}")
print(f"{x = }")
print(f"{x = !r:>10}")
print(f"{name=!s}, {pi=:.2f}, {len(items)=}")

# literal braces
print(f"{{not a field}} but {x} is")
print(f"{{{x}}}")
print(f"set literal: {{1, 2}} vs value {({1, 2} == {2, 1})}")

# conditional expressions and lambdas need parentheses
print(f"{'adult' if age >= 18 else 'minor'}")
print(f"{(lambda v: v * 2)(21)}")

# dict comprehension and walrus inside
print(f"{ {k: round(v) for k, v in scores.items()} }")
print(f"{(total := sum(scores.values()))} -> {total / len(scores):.3f}")

# multi-line triple-quoted f-string
report = f"""
Name : {name:>8}
Age  : {age:>8d}
Items: {len(items):>8}
"""
print(report.strip())

# implicit concatenation of plain and f-strings
line = "Total: " f"{sum(range(5))}" " units" f" ({x}%)"
print(line)

# datetime-style and numeric formatting helpers
rows = [("alpha", 1.5), ("beta", 22.25), ("gamma", 333.125)]
for label, value in rows:
    print(f"{label:<8}|{value:>10.2f}|{value:e}")
print(f"{3+4j}, {-0.0}, {float('inf')}, {10**20}, {True}, {None}")
