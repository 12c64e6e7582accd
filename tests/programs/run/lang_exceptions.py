# Exceptions: hierarchy, chaining, finally ordering, custom classes, args and reprs.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key


def find(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise NotFound(key) from e


try:
    find({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, repr(e), type(e.__cause__).__name__, e.args)

for exc in [ValueError("v"), KeyError("k"), IndexError(), ZeroDivisionError("z", 1)]:
    print(repr(exc), str(exc), exc.args)

print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(FileNotFoundError, OSError), issubclass(TimeoutError, OSError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))


def order():
    log = []
    for i in range(3):
        try:
            try:
                if i == 0:
                    continue
                if i == 1:
                    raise RuntimeError("boom")
                log.append("body")
            finally:
                log.append(f"inner{i}")
        except RuntimeError:
            log.append("caught")
        else:
            log.append("else")
        finally:
            log.append(f"outer{i}")
    return log


print(order())


def finally_return():
    try:
        return "try"
    finally:
        print("cleanup")


def finally_override():
    try:
        return "try"
    finally:
        return "finally"


print(finally_return(), finally_override())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        [][1]
    except IndexError as e:
        raise
except IndexError as e:
    print("reraised", e)

try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)


def gen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")


g = gen_cleanup()
print(next(g))
g.close()

try:
    raise ExceptionGroup if False else OSError(2, "No such file or directory")
except OSError as e:
    print(e.errno, e.strerror, e)

e = StopIteration(7)
print(e.value)
try:
    int_list = [1, 2]
    a, b, c = int_list
except ValueError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    x = undefined_name
except NameError as e:
    print(e)


def uses_local():
    print(y)
    y = 1


try:
    uses_local()
except UnboundLocalError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    {}["k"]
except KeyError as e:
    print(repr(e), e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    five = 5
    five()
except TypeError as e:
    print(e)
with_value = None
try:
    with with_value:
        pass
except TypeError as e:
    print(e)
import sys
try:
    raise KeyError("a")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)
print(sys.exc_info())
