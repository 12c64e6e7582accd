"""if/elif/else, while/else, for/else, break, continue and pass."""


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"


for value in (-5, 0, 4, 7):
    print(value, classify(value))

# for/else: the else runs only when the loop was not broken
def find_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            print(f"{n} is divisible by {d}")
            break
    else:
        print(f"{n} is prime")


for n in (9, 13, 21, 29):
    find_divisor(n)

# while/else
countdown = 3
while countdown > 0:
    print("countdown", countdown)
    countdown -= 1
else:
    print("liftoff")

# while with break skips the else
attempts = 0
while True:
    attempts += 1
    if attempts == 4:
        break
print("attempts:", attempts)

n = 10
while n:
    n -= 3
    if n < 0:
        print("overshot to", n)
        break
else:
    print("never printed")

# continue and pass
odds = []
for i in range(10):
    if i % 2 == 0:
        continue
    elif i == 7:
        pass  # nothing special, but keep going
    odds.append(i)
print("odds:", odds)

# tuple targets in for loops
pairs = [(1, "one"), (2, "two"), (3, "three")]
for number, word in pairs:
    print(number, "=>", word)

for index, (number, word) in enumerate(pairs):
    print(index, number, word[::-1])

for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print("nested unpack:", a + b + c)

for key, value in sorted({"b": 2, "a": 1}.items()):
    print(key, value)

# nested loops with labels emulated by flags
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print("found:", found)

# empty loop bodies with pass
for _ in range(3):
    pass
while False:
    pass
class Empty:
    pass
def nothing():
    pass
print("empty bodies ok:", nothing() is None, Empty.__name__)
