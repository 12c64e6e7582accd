# The math module: results, argument conversion and CPython's errors.
import math


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for name in ["sqrt", "exp", "exp2", "expm1", "cbrt", "log1p", "fabs", "sin", "cos", "tan",
             "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
             "erf", "erfc", "degrees", "radians"]:
    f = getattr(math, name)
    for x in [0.5, 2, -0.25, 10 ** 3]:
        show(f"{name}({x!r})", lambda: f(x))

show("log(8, 2)", lambda: math.log(8, 2))
show("log(10**400)", lambda: math.log(10 ** 400))
show("log2(10**400)", lambda: math.log2(10 ** 400))
show("log10(1000)", lambda: math.log10(1000))
show("log(0)", lambda: math.log(0))
show("log(-1)", lambda: math.log(-1))
show("log(1, 1)", lambda: math.log(1, 1))
show("log()", lambda: math.log())
show("pow(2, 10)", lambda: math.pow(2, 10))
show("pow(0, -1)", lambda: math.pow(0, -1))
show("pow(1)", lambda: math.pow(1))
show("pow(x=1)", lambda: math.pow(x=1))
show("exp(1000)", lambda: math.exp(1000))
show("sqrt(-1)", lambda: math.sqrt(-1))
show("sqrt(10**400)", lambda: math.sqrt(10 ** 400))
show("sqrt('x')", lambda: math.sqrt("x"))
show("sqrt()", lambda: math.sqrt())
show("atan2(1, -1)", lambda: math.atan2(1, -1))
show("copysign(3, -0.0)", lambda: math.copysign(3, -0.0))
show("fmod(7, -3)", lambda: math.fmod(7, -3))
show("fmod(1, 0)", lambda: math.fmod(1, 0))
show("remainder(7, 2)", lambda: math.remainder(7, 2))
show("nextafter(1, 2)", lambda: math.nextafter(1, 2))
show("ulp(1.0)", lambda: math.ulp(1.0))
show("modf(-3.25)", lambda: math.modf(-3.25))
show("frexp(40.0)", lambda: math.frexp(40.0))
show("ldexp(0.625, 6)", lambda: math.ldexp(0.625, 6))
show("ldexp(1.0, 2.0)", lambda: math.ldexp(1.0, 2.0))
show("isfinite(inf)", lambda: math.isfinite(math.inf))
show("isinf(-inf)", lambda: math.isinf(-math.inf))
show("isnan(nan)", lambda: math.isnan(math.nan))
show("isnan(1)", lambda: math.isnan(1))

# floor / ceil / trunc return ints and honour the dunders.
for x in [2.5, -2.5, 7, True, 1e20]:
    show(f"floor({x!r})", lambda: math.floor(x))
    show(f"ceil({x!r})", lambda: math.ceil(x))
    show(f"trunc({x!r})", lambda: math.trunc(x))


class Floory:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


class HasFloat:
    def __float__(self):
        return 2.25


class HasIndex:
    def __index__(self):
        return 6


class BadFloat:
    def __float__(self):
        return 1


show("floor(Floory())", lambda: math.floor(Floory()))
show("ceil(Floory())", lambda: math.ceil(Floory()))
show("trunc(Floory())", lambda: math.trunc(Floory()))
show("floor(HasFloat())", lambda: math.floor(HasFloat()))
show("trunc(HasFloat())", lambda: math.trunc(HasFloat()))
show("sqrt(HasFloat())", lambda: math.sqrt(HasFloat()))
show("sqrt(HasIndex())", lambda: math.sqrt(HasIndex()))
show("sqrt(BadFloat())", lambda: math.sqrt(BadFloat()))
show("gcd(HasIndex(), 4)", lambda: math.gcd(HasIndex(), 4))
show("floor('x')", lambda: math.floor("x"))
show("trunc('x')", lambda: math.trunc("x"))

# Integer functions.
show("gcd()", lambda: math.gcd())
show("gcd(12, 18, 27)", lambda: math.gcd(12, 18, 27))
show("gcd(-4, 6)", lambda: math.gcd(-4, 6))
show("gcd(1.5)", lambda: math.gcd(1.5))
show("lcm()", lambda: math.lcm())
show("lcm(4, 6, 10)", lambda: math.lcm(4, 6, 10))
show("lcm(0, 5)", lambda: math.lcm(0, 5))
show("factorial(20)", lambda: math.factorial(20))
show("factorial(30)", lambda: math.factorial(30))
show("factorial(-1)", lambda: math.factorial(-1))
show("factorial(5.0)", lambda: math.factorial(5.0))
show("isqrt(10**30 + 5)", lambda: math.isqrt(10 ** 30 + 5))
show("isqrt(-1)", lambda: math.isqrt(-1))
show("comb(52, 5)", lambda: math.comb(52, 5))
show("comb(5, 7)", lambda: math.comb(5, 7))
show("comb(-1, 2)", lambda: math.comb(-1, 2))
show("comb(5)", lambda: math.comb(5))
show("perm(5)", lambda: math.perm(5))
show("perm(5, 2)", lambda: math.perm(5, 2))
show("perm(5, None)", lambda: math.perm(5, None))
show("perm(3, -1)", lambda: math.perm(3, -1))

# Sums, products, distances.
show("fsum([0.1] * 10)", lambda: math.fsum([0.1] * 10))
show("sum([0.1] * 10)", lambda: sum([0.1] * 10))
show("fsum([1e100, 1.0, -1e100])", lambda: math.fsum([1e100, 1.0, -1e100]))
show("fsum(['a'])", lambda: math.fsum(["a"]))
show("fsum(1)", lambda: math.fsum(1))
show("prod([1, 2, 3, 4])", lambda: math.prod([1, 2, 3, 4]))
show("prod([])", lambda: math.prod([]))
show("prod([2, 3], start=10)", lambda: math.prod([2, 3], start=10))
show("prod([0.5, 4])", lambda: math.prod([0.5, 4]))
show("prod(['ab'], start=3)", lambda: math.prod(["ab"], start=3))
show("prod([1], 2)", lambda: math.prod([1], 2))
show("prod([1], begin=2)", lambda: math.prod([1], begin=2))
show("hypot(3, 4)", lambda: math.hypot(3, 4))
show("hypot()", lambda: math.hypot())
show("hypot(1, 2, 3)", lambda: math.hypot(1, 2, 3))
show("dist((0, 0), (3, 4))", lambda: math.dist((0, 0), (3, 4)))
show("dist([1], [1, 2])", lambda: math.dist([1], [1, 2]))
show("isclose(1, 1.0000000001)", lambda: math.isclose(1, 1.0000000001))
show("isclose(1, 1.1, rel_tol=0.2)", lambda: math.isclose(1, 1.1, rel_tol=0.2))
show("isclose(0, 1e-10, abs_tol=1e-9)", lambda: math.isclose(0, 1e-10, abs_tol=1e-9))
show("isclose(1, 2, rel_tol=-1)", lambda: math.isclose(1, 2, rel_tol=-1))
show("isclose(1)", lambda: math.isclose(1))
show("isclose(1, 2, 3)", lambda: math.isclose(1, 2, 3))
show("isclose(1, 2, tol=3)", lambda: math.isclose(1, 2, tol=3))
show("isclose(a=1, b=1)", lambda: math.isclose(a=1, b=1))
show("gamma(5)", lambda: math.gamma(5))
show("gamma(0)", lambda: math.gamma(0))
show("lgamma(1)", lambda: math.lgamma(1))
