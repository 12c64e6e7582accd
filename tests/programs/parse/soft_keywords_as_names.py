"""match, case, type and _ are soft keywords: outside a match statement they are plain names."""

match = 1
case = 2
type = 3
_ = "underscore"
print("values:", match, case, type, _)

match += case
print("match after += :", match)

del type  # restore the builtin
print("builtin type is back:", type(42).__name__)


def match(pattern, text):
    """A tiny glob matcher; 'match' is just a function name here."""
    if not pattern:
        return not text
    if pattern[0] == "*":
        return match(pattern[1:], text) or (bool(text) and match(pattern, text[1:]))
    return bool(text) and pattern[0] in (text[0], "?") and match(pattern[1:], text[1:])


for case in ["a*c", "a?c", "*b*", "abd"]:
    print(f"match({case!r}, 'abc') ->", match(case, "abc"))


class Case:
    def __init__(self, match, case, type):
        self.match = match
        self.case = case
        self.type = type

    def describe(self):
        return f"Case(match={self.match}, case={self.case}, type={self.type})"


obj = Case(match=True, case="upper", type="test")
print(obj.describe())

# _ as a throwaway loop variable and in unpacking
total = 0
for _ in range(4):
    total += 1
first, _, last = (1, 2, 3)
print("total:", total, "first/last:", first, last, "underscore:", _)

# soft keywords as keyword arguments and dict keys
settings = dict(match="exact", case="insensitive", type="glob")
print(sorted(settings.items()))
match_list = [match for match in range(3)]
print("comprehension variable named match:", match_list)
type = "finally a plain string"
print(type.upper())
