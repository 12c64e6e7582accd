"""try/except/else/finally, raise ... from, assert, custom exceptions."""


class AppError(Exception):
    """Base class for this program's errors."""


class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(f"config key {key!r} is {reason}")
        self.key = key


def parse_port(text):
    try:
        port = int(text)
    except ValueError as exc:
        raise ConfigError("port", "not a number") from exc
    else:
        if not 0 < port < 65536:
            raise ConfigError("port", "out of range")
        return port
    finally:
        print(f"  parse_port({text!r}) finished")


for candidate in ("8080", "http", "70000"):
    try:
        print("port:", parse_port(candidate))
    except ConfigError as err:
        cause = type(err.__cause__).__name__ if err.__cause__ else None
        print("config error:", err, "| key:", err.key, "| cause:", cause)


def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "index":
        return [][1]
    if kind == "key":
        return {}["k"]
    if kind == "custom":
        raise AppError("custom failure")
    return "fine"


for kind in ("zero", "index", "key", "custom", "none"):
    try:
        result = risky(kind)
    except ZeroDivisionError:
        print(kind, "-> division by zero")
    except (IndexError, KeyError) as e:
        print(kind, "-> lookup error:", type(e).__name__)
    except:
        print(kind, "-> something else")
    else:
        print(kind, "-> no error:", result)
    finally:
        print(kind, "-> cleanup")


def reraise():
    try:
        {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise


try:
    reraise()
except KeyError as e:
    print("caught again:", repr(e))

try:
    raise RuntimeError("without context") from None
except RuntimeError as e:
    print("suppressed context:", e.__suppress_context__, e.__cause__)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assertion:", e)

assert isinstance(AppError(), Exception), "hierarchy is wrong"


def nested_finally():
    log = []
    try:
        try:
            log.append("inner try")
            raise ValueError("inner")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(f"outer caught {e}")
    finally:
        log.append("outer finally")
    return log


print(nested_finally())
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
except ExceptionGroup as eg:
    print("group of", len(eg.exceptions))
