"""Numeric literals in every notation Python accepts."""

# integers
decimal = 1_000_000
hexadecimal = 0xFF_FF
hex_lower = 0xdead_beef
octal = 0o7_55
octal_upper = 0O17
binary = 0b1010_1010
binary_upper = 0B11
zero = 0
zeros = 0_0
print("ints:", decimal, hexadecimal, hex_lower, octal, octal_upper, binary, binary_upper, zero, zeros)

# huge integers are exact
huge = 123_456_789_012_345_678_901_234_567_890
googol = 10 ** 100
print("huge:", huge)
print("huge * 3:", huge * 3)
print("digits in googol:", len(str(googol)))
print("2**100:", 2 ** 100)
print("big hex:", 0xFFFF_FFFF_FFFF_FFFF_FFFF)

# floats
f1 = 3.14
f2 = 1.
f3 = .5
f4 = 1e-3
f5 = 2.5E+10
f6 = 6.022_140_76e23
f7 = 1_0.0_1
f8 = 0.0
f9 = 1e3
print("floats:", f1, f2, f3, f4, f5, f6, f7, f8, f9)
print("float arithmetic:", f2 + f3, f4 * 1000, f5 / 2.5e10)

# imaginary and complex
z1 = 3j
z2 = 1.5J
z3 = 2 + 3j
z4 = .5j
z5 = 1e2j
print("complex:", z1, z2, z3, z4, z5)
print("z3 parts:", z3.real, z3.imag, abs(3 + 4j))
print("product:", z3 * z3.conjugate())

# literals with methods and attributes
print("bit_length:", (255).bit_length(), 1024 .bit_length())
print("is_integer:", 2.0.is_integer())
print("hex():", hex(hexadecimal), oct(octal), bin(binary))
print("int from strings:", int("ff", 16), int("0o17", 0), int("1_000"))

# mixed arithmetic and conversions
values = [decimal, f1, z1, True, 0x10]
print("types:", [type(v).__name__ for v in values])
print("sum of numeric (no complex):", sum(v for v in values if not isinstance(v, complex)))
print("int division:", 7 // 2, -7 // 2, 7 % -3)
print("float division:", 7 / 2, 1 / 3)
print("rounding:", round(2.675, 2), round(0.5), round(1.5), round(-2.5))
print("float repr:", 0.1 + 0.2, 1e16, 1e-7, 123456789.0 * 10)
