# contextlib: @contextmanager (as a with-statement and as a decorator, exceptions thrown
# into the generator), suppress, closing, nullcontext, ExitStack, redirect_stdout and
# redirect_stderr, ContextDecorator, AbstractContextManager -- and their errors.
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext, ExitStack,
                        redirect_stdout, redirect_stderr, ContextDecorator,
                        AbstractContextManager)


class StringIO:
    """A minimal text sink (this program does not depend on the io module)."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass

    def getvalue(self):
        return "".join(self.parts)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")
with tag("b") as v:
    print("inside", v)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
print("after swallow")
@contextmanager
def noyield():
    if False: yield
def f1():
    with noyield(): pass
t(f1)
@contextmanager
def twice():
    yield 1
    yield 2
def f2():
    with twice(): pass
t(f2)
@tag("deco")
def decorated(x):
    print("running", x)
    return x * 2
print(decorated(3)); print(decorated(4))
print(tag.__name__, decorated.__name__)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)
class Res:
    def close(self): print("closed")
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as n:
    print("null", n)
with nullcontext():
    pass
with ExitStack() as stack:
    for name in ("x", "y"):
        print(stack.enter_context(tag(name)))
    stack.callback(print, "callback", 1, end="!\n")
    print("body")
def f3():
    with ExitStack() as stack:
        stack.enter_context(tag("z"))
        stack.enter_context(suppress(ValueError))
        raise ValueError("gone")
    return "returned"
t(f3)
with ExitStack() as stack:
    stack.callback(print, "never")
    s2 = stack.pop_all()
print("popped"); s2.close()
buf = StringIO()
with redirect_stdout(buf):
    print("hidden")
print("captured:", repr(buf.getvalue()))
class mycontext(ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *exc): print("exit", exc[0]); return False
@mycontext()
def fn(): print("in fn")
fn()
class A(AbstractContextManager):
    def __exit__(self, *a): return None
with A() as a: print(type(a).__name__)
def f4():
    with ExitStack() as st:
        st.enter_context(3)
t(f4)
def f5():
    with ExitStack() as st:
        def bad(*a): raise RuntimeError("in exit")
        st.push(bad)
        raise KeyError("orig")
try: f5()
except RuntimeError as e: print("exit raised", e, repr(e.__context__))
@contextmanager
def cm_stop():
    yield
def f6():
    with cm_stop():
        raise StopIteration("x")
t(f6)

@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except ValueError:
        log.append("rollback")
        raise
    else:
        log.append("commit")


log = []
with transaction(log):
    log.append("work")
try:
    with transaction(log):
        raise ValueError("bad")
except ValueError:
    log.append("handled")
print(log)


@contextmanager
def converting():
    try:
        yield
    except KeyError as e:
        raise LookupError("converted " + str(e)) from e


try:
    with converting():
        {}["k"]
except LookupError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

err = StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print("stderr captured:", repr(err.getvalue()))
outer, inner = StringIO(), StringIO()
with redirect_stdout(outer):
    print("outer")
    with redirect_stdout(inner):
        print("inner")
    print("outer again")
print(repr(outer.getvalue()), repr(inner.getvalue()))

with ExitStack() as stack:
    files = [stack.enter_context(closing(Res())) for _ in range(2)]
    print("opened", len(files))
print("all closed")


def cleanup_order():
    with ExitStack() as stack:
        for i in range(3):
            stack.callback(print, "cleanup", i)
        print("body done")


cleanup_order()
