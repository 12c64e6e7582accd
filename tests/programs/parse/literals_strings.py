"""String and bytes literals: quotes, prefixes, escapes and concatenation."""

single = 'single quotes with "double" inside'
double = "double quotes with 'single' inside"
triple_double = """triple "double"
spanning two lines"""
triple_single = '''triple 'single' '''
print(single)
print(double)
print(triple_double)
print(triple_single)

# escapes
escapes = "tab:\t| newline:\n| backslash:\\| quote:\'| dquote:\"|"
print(escapes)
controls = "\a\b\f\v\0"
print("control codes:", [ord(c) for c in controls])
print("octal \\101:", "\101\102\103", "short octal:", "\7" == "\a")
print("hex escape:", "\x41\x62\x7a")
print("unicode escapes:", "\u00e9\u4e2d", "\U0001F600" == "\N{GRINNING FACE}", "\N{BULLET}")
print("line continuation inside a string: abc\
def")

# raw strings and prefixes in any case
raw = r"C:\new\table"
RAW = R'\d+\.\d*'
print(raw, len(raw), RAW)
u = u"unicode prefix"
U = U'upper unicode prefix'
print(u, U)

# bytes
data = b"bytes \x00\xff"
DATA = B'ABC'
raw_bytes = rb"\x00 not an escape"
print(data, DATA, raw_bytes, len(raw_bytes))
print(Rb"\n", bR"\t", RB"\\", br"\b", BR"x", rB"y", Br"z")
print("bytes escapes:", b"\t\n\\\'\"\a\b\f\v\0\101\x41")

# f-string prefixes
name = "world"
print(f"hello {name}", F"HELLO {name.upper()}")
print(rf"raw f {name}\n", fr"\t{name}", Rf"{name}\d", fR"{name}", FR"{1+1}", rF"{2+2}", RF"{3}", Fr"{4}")

# implicit concatenation of adjacent literals
joined = "abc" 'def' """ghi"""
print(joined)
greeting = ("Hello, "
            f"{name}! "
            "You have "
            f"{3} new messages"
            r" \o/")
print(greeting)
mixed = f"{name}" "-plain-" rf"{name}"
print(mixed)
blob = (b"abc"
        b"def" rb"\g")
print(blob)

# string methods over literals
print("  padded  ".strip(), "-".join(["a", "b", "c"]), "x,y,,z".split(","))
print("%s has %d chars" % (name, len(name)), "{} + {} = {}".format(1, 2, 3))
print(repr("quote's"), repr('dq"'), repr("both ' and \""), repr("\\"))
print(ascii("café ☕"), "café ☕".encode("utf-8"))
