"""Subscriptions and slices, including the multi-dimensional forms NumPy uses."""


class KeyRecorder:
    """Returns a readable description of whatever key it is indexed with."""

    def __getitem__(self, key):
        return self.describe(key)

    def describe(self, key):
        if isinstance(key, tuple):
            return "(" + ", ".join(self.describe(k) for k in key) + ")"
        if isinstance(key, slice):
            parts = [key.start, key.stop, key.step]
            return "slice(" + ", ".join(repr(p) for p in parts) + ")"
        if key is Ellipsis:
            return "..."
        return repr(key)


r = KeyRecorder()
print(r[1])
print(r[1:2])
print(r[1:2:3])
print(r[::2])
print(r[:])
print(r[::-1])
print(r[1:])
print(r[:5])
print(r[1:2, 3])
print(r[:, None])
print(r[...])
print(r[..., 0])
print(r[1, ...])
print(r[0, :, ::2])
print(r["name"])
print(r[-1])
print(r[()])
print(r[1,])
print(r[(1, 2)])
print(r[a := 5], a)

text = "Hello, slicing world"
print(text[0], text[-1], text[7:14], text[::-1], text[::3], text[-5:])
print(text[100:], repr(text[5:2]), text[-100:3])

nums = list(range(10))
print(nums[2:8:2], nums[8:2:-2], nums[-3:], nums[:-7])
step = 3
print(nums[step:step * 3:step - 1])
print(nums[len(nums) // 2])
print(nums[slice(1, None, 4)])

matrix = [[r * 4 + c for c in range(4)] for r in range(3)]
print(matrix[1][2], matrix[-1][-1], [row[1:3] for row in matrix])
print([row[i] for i, row in enumerate(matrix)])

table = {("a", 1): "first", ("b", 2): "second"}
print(table["a", 1], table[("b", 2)])

mapping = {"x": {"y": {"z": "deep"}}}
print(mapping["x"]["y"]["z"])

print("abcdef"[1:4][::-1], (1, 2, 3)[1:], b"bytes"[1], bytearray(b"xyz")[::-1])
print(range(100)[10:50:10], list(range(100)[10:50:10]))
