#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# Line structure: comments, blank lines, backslashes, brackets and semicolons.

"""Physical vs logical lines."""



# a backslash joins two physical lines into one logical line
total = 1 + \
        2 + \
        3
print("backslash total:", total)

if total > 5 and \
   total < 10:  # a comment after the condition
    print("in range")

# implicit joining inside brackets; comments and blank lines are allowed
numbers = [
    1, 2, 3,   # first row

    4, 5, 6,   # second row
    # a full-line comment in the middle
    7, 8, 9,
]
print("numbers:", numbers)

settings = {
    "name": "demo",     # trailing comment
    "size": (10,
             20),
    "tags": {"a",
             "b"} == {"b", "a"},
}
print("settings:", settings)

result = max(
    3,
    7,
    5,
)
print("max:", result)

message = ("this string "
           "is built from "
           "several pieces")
print(message)

# semicolons separate simple statements on one line
a = 1; b = 2; c = a + b
print("semicolons:", a, b, c);
if c == 3: print("one-line if body"); print("second statement in body")
for i in range(2): print("one-line loop", i)
while False: pass
def square(x): return x * x
class Tiny: size = 1; name = "tiny"
print(square(4), Tiny.size, Tiny.name)

# a backslash continuation in the middle of an expression and a call
value = square(
    2) * \
    square(3)
print("value:", value)
import io
with io.StringIO("same") as a_file, \
     io.StringIO("same") as b_file:
    print("backslash in with:", a_file.read() == b_file.read())

    # comment at a deeper indentation than the code that follows
# comment at column zero inside the block
    print("still inside the with block")

assert value == 36, \
    "value should be 36"
    # a comment indented oddly after the last statement
print("done")   # final comment without newline at EOF is fine too