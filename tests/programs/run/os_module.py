# The os module and os.path: path computations (as posixpath does them), file operations
# in a temporary directory this program creates and removes, and invariants of the process.
import os
from os import path


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


print(os.name, repr(os.sep), repr(os.pathsep), repr(os.linesep), os.curdir, os.pardir,
      os.extsep, os.devnull, os.altsep, os.defpath)
print(os.path is path, path.__name__, path.sep)

# Pure path functions.
for p in ["", "/", "//", "///", "a", "/a", "a/", "a/b", "/a/b/", "//a//b//", "a/b.c",
          ".bashrc", "a/.b.c", "...", "a.b.c", "/x/y/z.tar.gz", "./a/../b", "../../a/.."]:
    print(repr(p), path.split(p), path.splitext(p), repr(path.basename(p)),
          repr(path.dirname(p)), path.isabs(p), repr(path.normpath(p)), path.splitdrive(p))
print(path.join("a", "b", "c"), path.join("a/", "b"), path.join("a", "/b", "c"),
      path.join("", "x"), path.join("a", ""), path.join(b"a", b"b"))
print(path.normpath("//a/../b/./c//"), path.normpath("///a/../../b"), path.normpath(b"/a/./b/.."))
print(path.relpath("/a/b/c", "/a/d"), path.relpath("/a", "/a"), path.relpath("/a/b", "/"))
print(path.commonprefix(["/usr/lib", "/usr/local", "/usr/libexec"]), repr(path.commonprefix([])))
print(path.commonprefix([["a", "b"], ["a", "c"]]))
print(path.commonpath(["/usr/lib", "/usr/local/lib"]), path.commonpath(["a/b", "a/c/d"]))
print(path.expanduser("~nosuchuser_gilpy/x"), path.expanduser("no/tilde"))
print(path.expanduser("~") == path.expanduser("~/"), path.isabs(path.expanduser("~")))
os.environ["GILPY_TEST_VAR"] = "value"
print(path.expandvars("$GILPY_TEST_VAR/${GILPY_TEST_VAR}/$NO_SUCH_VAR_X/${NO_SUCH}/$/${"))
print(os.getenv("GILPY_TEST_VAR"), os.getenv("NO_SUCH_VAR_X"), os.getenv("NO_SUCH_VAR_X", 5))
print(os.fspath("a"), os.fspath(b"b"), os.fsencode("x"), os.fsdecode(b"y"))


class P:
    def __fspath__(self):
        return "via/fspath"


print(os.fspath(P()), path.basename(P()), path.join(P(), "z"))
show("join()", lambda: path.join())
show("join(1)", lambda: path.join(1))
show("join('a', 1)", lambda: path.join("a", 1))
show("join('a', b'b')", lambda: path.join("a", b"b"))
show("relpath('')", lambda: path.relpath(""))
show("commonpath([])", lambda: path.commonpath([]))
show("commonpath(['/a', 'b'])", lambda: path.commonpath(["/a", "b"]))
show("fspath(1)", lambda: os.fspath(1))
show("getenv(1)", lambda: os.getenv(1))

# The working directory.
cwd = os.getcwd()
print(path.isabs(cwd), path.isdir(cwd), path.abspath(".") == cwd, path.realpath(".") == path.realpath(cwd))
print(path.abspath("x/../y") == path.join(cwd, "y"), os.getcwdb() == os.fsencode(cwd))

# File operations in a scratch directory.
base = "os_module_scratch"
if path.exists(base):
    for name in os.listdir(base):
        os.remove(path.join(base, name))
    os.rmdir(base)
os.mkdir(base)
print(path.exists(base), path.isdir(base), path.isfile(base), os.listdir(base))
show("mkdir again", lambda: os.mkdir(base))
f = path.join(base, "data.txt")
fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world\n"))
os.close(fd)
print(path.exists(f), path.isfile(f), path.getsize(f), path.getmtime(f) > 1e9)
st = os.stat(f)
print(st.st_size, st[6], len(st), st.st_mtime >= st[8], type(st).__name__)
fd = os.open(f, os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
os.rename(f, path.join(base, "renamed.txt"))
print(sorted(os.listdir(base)), os.listdir(base.encode()))
os.makedirs(path.join(base, "x", "y", "z"))
os.makedirs(path.join(base, "x", "y", "z"), exist_ok=True)
show("makedirs existing", lambda: os.makedirs(path.join(base, "x", "y", "z")))
print(sorted(os.listdir(base)), os.listdir(path.join(base, "x")))
show("rmdir non-empty", lambda: os.rmdir(path.join(base, "x")))
os.removedirs(path.join(base, "x", "y", "z"))
print(sorted(os.listdir(base)))
os.chdir(base)
print(os.getcwd() == path.join(cwd, base), os.listdir())
os.chdir("..")
print(os.getcwd() == cwd)
os.unlink(path.join(base, "renamed.txt"))
os.rmdir(base)
print(path.exists(base), path.lexists(base))
show("remove missing", lambda: os.remove("no_such_file_gilpy"))
show("rmdir missing", lambda: os.rmdir("no_such_dir_gilpy"))
show("listdir missing", lambda: os.listdir("no_such_dir_gilpy"))
show("chdir missing", lambda: os.chdir("no_such_dir_gilpy"))
show("getsize missing", lambda: path.getsize("no_such_file_gilpy"))
show("stat missing", lambda: os.stat("no_such_file_gilpy"))
show("open missing", lambda: os.open("no_such_file_gilpy", os.O_RDONLY))
try:
    os.rename("no_such_file_gilpy", "other_gilpy")
except FileNotFoundError as e:
    print("rename:", e.errno, e.strerror, e.filename, e.filename2)
show("listdir(1.5)", lambda: os.listdir(1.5))
show("exists('a\\0b')", lambda: path.exists("a\0b"))
show("listdir('a\\0b')", lambda: os.listdir("a\0b"))
show("mkdir()", lambda: os.mkdir())

# Process facts.
print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(os.getuid() >= 0, os.geteuid() >= 0, os.getgid() >= 0, os.getegid() >= 0,
      isinstance(os.getgroups(), list))
print(os.cpu_count() >= 1, os.PRIO_PROCESS, os.PRIO_PGRP, os.PRIO_USER)
print(isinstance(os.getpriority(os.PRIO_PROCESS, 0), int))
print(os.strerror(2), os.strerror(13), os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.access(".", os.F_OK), os.access("no_such_file_gilpy", os.F_OK))
print(len(os.urandom(16)), type(os.urandom(0)))
show("urandom(-1)", lambda: os.urandom(-1))
show("kill(no such pid)", lambda: os.kill(2 ** 22 + 12345, 0))
print(isinstance(os.environ, dict) or type(os.environ).__name__ == "_Environ",
      "PATH" in os.environ, os.environ["GILPY_TEST_VAR"])
r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
print(len(os.times()), os.uname().sysname)
