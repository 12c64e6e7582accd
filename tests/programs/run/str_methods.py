# str methods: normal and edge inputs, and CPython's errors.

class _Slicer:
    def __getitem__(self, k):
        return k
SL = _Slicer()

def apply(f, xs):
    return [f(x) for x in xs]

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# split / rsplit
print("a b  c".split(), "  a b  ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".split(",", maxsplit=2))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a,b,c".rsplit(",", 1))
print("a\tb\nc\x0bd\x1ce".split(), "abc".split("abc"), "xabcx".split("abc"))
print("a b".split(sep=None), "a::b::c".rsplit("::"), "1 2 3".split(maxsplit=-1))
show(lambda: "a".split(""))
show(lambda: "a".split(1))
show(lambda: "a".split(",", "x"))
show(lambda: "a".split(",", 1, 2))
show(lambda: "a".split(x=1))
show(lambda: "a".rsplit(""))
# join
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), ", ".join(("p",)))
print("".join(x for x in "abc"), "|".join({"k": 1}))
show(lambda: ",".join(["a", 1]))
show(lambda: ",".join(5))
show(lambda: ",".join())
show(lambda: ",".join([b"x"]))
# strip family
print(repr("  hi \n".strip()), repr("xxhixx".strip("x")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")))
print(repr("".strip()), repr("\u3000hi\u3000".strip()), repr("hi".strip("")), repr("hi".strip(None)))
show(lambda: "a".strip(1))
show(lambda: "a".lstrip(1, 2))
show(lambda: "a".rstrip([]))
# replace
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("abc".replace("x", "y"), "abc".replace("b", ""), "aaa".replace("a", "b", -1), "aaa".replace("a", "b", 0))
show(lambda: "a".replace(1, "b"))
show(lambda: "a".replace("a", 2))
show(lambda: "a".replace("a"))
show(lambda: "a".replace("a", "b", "c"))
show(lambda: "a".replace("a", "b", 1.5))
# find family
s = "hello world, hello"
print(s.find("o"), s.find("o", 5), s.find("o", 5, 6), s.find("zz"), s.find(""), s.find("", 100))
print(s.rfind("o"), s.rfind("hello"), s.rfind("o", 0, 5), s.rfind(""), s.find("o", -5), s.find("h", None, None))
print(s.index("w"), s.rindex("l"), s.count("l"), s.count("l", 5), s.count(""), "".count(""), "aaaa".count("aa"))
print("héllo".find("l"), "héllo".rfind("l"), "日本語日本".find("本", 2), "日本語日本".count("本"))
show(lambda: s.index("zz"))
show(lambda: s.rindex("zz"))
show(lambda: s.find(1))
show(lambda: s.find())
show(lambda: s.find("a", 1, 2, 3))
show(lambda: s.find("a", "x"))
show(lambda: s.count(None))
print(s.find("o", 2**100), s.find("o", -2**100), s.count("l", True))
# startswith / endswith
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "he")), s.startswith(()))
print(s.endswith("hello"), s.endswith("world", 0, 11), s.endswith(("o", "x")), s.startswith("", 100))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1), "abc".endswith("", 1, 0))
show(lambda: s.startswith(1))
show(lambda: s.endswith(["a"]))
show(lambda: s.startswith(("a", 1)))
show(lambda: s.endswith(("a", 1)))
show(lambda: s.startswith())
# case
for w in ["hello World", "ÉCOLE ß", "ﬁne straße", "o'neil mcdonald", "ΣΑΣ", "123abc", ""]:
    print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
show(lambda: "a".upper(1))
# partition
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
show(lambda: "a".partition(""))
show(lambda: "a".partition(1))
show(lambda: "a".rpartition())
# splitlines
print("a\nb\r\nc\rd\x0be\x0cf\x1cg\x85h\u2028i".splitlines())
print("a\nb\n".splitlines(True), "a\nb\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines())
show(lambda: "a".splitlines(1, 2))
# padding
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6, "-")), repr("abc".center(2)))
print(repr("ab".ljust(5, ".")), repr("ab".rjust(5)), repr("42".zfill(5)), repr("-42".zfill(6)), repr("+x".zfill(4)), repr("".zfill(3)))
show(lambda: "a".center(5, "ab"))
show(lambda: "a".center(5, 1))
show(lambda: "a".center("5"))
show(lambda: "a".ljust())
show(lambda: "a".zfill())
show(lambda: "a".zfill("x"))
print(repr("a\tbc\tdef\n\tx".expandtabs()), repr("a\tb".expandtabs(4)), repr("a\tb".expandtabs(0)), repr("a\tb".expandtabs(tabsize=2)))
# predicates
for w in ["123", "12.5", "²", "½", "四", "abc", "abc1", "ABC", "Abc Def", "Abc def", "   ", "\t\n", "", "a_1", "1a", "class", "héllo", "\x00", "é"]:
    print(repr(w), w.isdigit(), w.isdecimal(), w.isnumeric(), w.isalpha(), w.isalnum(), w.isspace(),
          w.isupper(), w.islower(), w.istitle(), w.isidentifier(), w.isprintable(), w.isascii())
# removeprefix / removesuffix
print("prefix_body".removeprefix("prefix_"), "body".removeprefix("x"), "file.txt".removesuffix(".txt"), "a".removesuffix(""))
show(lambda: "a".removeprefix(1))
show(lambda: "a".removesuffix())
# encode
print("héllo".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "é€".encode("utf-8"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"))
print("é".encode(encoding="ascii", errors="xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
show(lambda: "é".encode("ascii"))
show(lambda: "a".encode("nope"))
show(lambda: "a".encode(1))
# format
print("{} {}".format(1, "a"), "{0}{1}{0}".format("x", "y"), "{name}!".format(name="Bob"), "{:>5}|{:<5}|{:^5}".format(1, 2, 3))
print("{0!r} {0!s} {0!a}".format("é"), "{:.2f}".format(3.14159), "{:,}".format(1234567), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
print("{{}} {{{0}}}".format(7), "{:{w}}|".format("x", w=4), "{:{}.{}}".format(3.14159, 8, 3), "{0:x} {0:o} {0:b}".format(255))
class P:
    def __init__(self):
        self.x = 1
        self.y = [10, 20]
print("{0.x} {0.y[1]} {p.x}".format(P(), p=P()), "{!r:>6}".format("a"), "{}".format(None))
show(lambda: "{} {}".format(1))
show(lambda: "{x}".format(y=1))
show(lambda: "{0} {}".format(1, 2))
show(lambda: "{".format())
show(lambda: "}".format())
show(lambda: "{0!x}".format(1))
show(lambda: "{:d}".format("a"))
show(lambda: "{0.nope}".format(1))
show(lambda: "{0[5]}".format([1]))
# format_map
class D:
    def __getitem__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map({"a": 1, "b": 2}), "{a} {zz}".format_map(D()))
show(lambda: "{}".format_map({}))
show(lambda: "{a}".format_map({}))
# maketrans / translate
t = str.maketrans("abc", "xyz")
print([(k, t[k]) for k in sorted(t)], "aabbcc".translate(t))
t2 = str.maketrans("ab", "AB", "c")
print([(k, t2[k]) for k in sorted(t2)], "abcabc".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, 99: "C"})
print([(k, t3[k]) for k in sorted(t3)], "abcd".translate(t3))
print("abc".translate({97: 98}), "abc".translate({}), "héllo".translate({ord("é"): "e"}), "abc".translate([None, "x"] * 60))
show(lambda: str.maketrans("ab", "c"))
show(lambda: str.maketrans({"ab": 1}))
show(lambda: str.maketrans(1))
show(lambda: str.maketrans("a"))
show(lambda: "a".translate({97: 1.5}))
show(lambda: "a".translate({97: -1}))
# dunders used as functions
print(str.__add__("a", "b"), str.__mul__("ab", 3), str.__rmul__("ab", 2), str.__mod__("%d-%s", (1, "x")))
print(str.__eq__("a", "a"), str.__eq__("a", 1), str.__lt__("a", "b"), str.__ne__("a", "b"), str.__ge__("a", "b"), str.__gt__("b", "a"), str.__le__("a", "a"))
print(str.__len__("héllo"), str.__contains__("abc", "b"), str.__getitem__("abc", 1), str.__getitem__("abcdef", SL[1:4]), [*str.__iter__("ab")])
print(str.__str__("x"), str.__repr__("x'y"), str.__format__("ab", ">4"), str.__hash__("a") == hash("a"))
print(apply(str.upper, ["a", "b"]), apply(str.strip, [" a ", "b "]), sorted(["b", "A", "c"], key=str.lower))
print("ab".__mul__(0), "ab".__lt__(1), "a".__eq__(1))
show(lambda: "a".__add__(1))
show(lambda: str.upper(1))
show(lambda: str.upper())
show(lambda: str.__add__(1, "a"))
show(lambda: "a".__mul__(1.5))
show(lambda: str.__contains__("a", 1))
print(str.__mul__("ab", -1), repr(str.__mul__("", 5)))
# subclass
class S(str):
    def __str__(self):
        return "S(" + super().__str__() + ")"
    def __add__(self, other):
        return S(super().__add__(other).upper())
x = S("abc")
print(str(x), x.upper(), type(x.upper()).__name__, x + "d", type(x + "d").__name__, repr(x), len(x))
print(x.split("b"), type(x.split("b")[0]).__name__, x == "abc", x[1], "{}".format(x), "{:>6}".format(x), x.strip("a"))
class T(str):
    pass
print(T("q").join(["a", "b"]), type(T("q").replace("q", "r")).__name__, T("xy") * 2, type(T("xy") * 2).__name__)
# % formatting
print("%s=%d %.2f %r %x %5s|%-5s|" % ("a", 42, 2.5, "q", 255, "r", "l"), "%(a)s %(b)s" % {"a": 1, "b": 2}, "%%" % ())
