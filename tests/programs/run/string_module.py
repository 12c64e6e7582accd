# string: the character-class constants, capwords, Template (substitute and
# safe_substitute, $$ and ${name}, invalid placeholders) and Formatter.
import string
from string import Template

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), repr(string.printable), len(string.printable))
print(string.capwords("hello   world  foo"), string.capwords("a-b-c", "-"),
      repr(string.capwords("  x  y  ")), string.capwords("ÉCOLE ÉTÉ"))
print(sorted(set("Hello, World!") & set(string.punctuation)))
print("".join(c for c in "a1b2c3" if c in string.digits))

t = Template("$who likes ${what}! $$5 costs $amount")
print(t.substitute(who="tim", what="kung pao", amount=3))
print(t.substitute({"who": "ann", "what": "tea"}, amount=1))
print(t.safe_substitute(who="sam"))
print(t.get_identifiers(), t.is_valid(), t.template)
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
for bad in ["bad $ here", "line one\nbad ${x here", "$1st"]:
    try:
        Template(bad).substitute(x=1)
    except ValueError as e:
        print("ValueError", e)
    print(repr(Template(bad).safe_substitute()), Template(bad).is_valid())
print(Template("${x}y $x_y").substitute(x="Q", x_y="R"), Template("$$").substitute())


class Percent(Template):
    delimiter = "%"


print(Percent("%name is %{age}%%").substitute(name="kim", age=30))
print(string.Formatter().format("{0}-{a}", 1, a=2))
