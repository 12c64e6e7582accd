"""All the shapes of import statements."""

import os
import os.path as osp
import collections.abc as cabc, json
import xml.etree.ElementTree
from os.path import join as path_join, basename
from collections import (
    OrderedDict,
    defaultdict,
    namedtuple,
)
from itertools import (chain, count,)
from math import *
from string import ascii_lowercase as letters


def relative_imports_are_never_called():
    # Relative imports only work inside packages, so this function exists
    # purely for the parser and is never executed.
    from . import sibling
    from .sibling import helper as h, other
    from .. import parent_module
    from .. pkg import thing
    from ...deep.module import name as alias
    return sibling, h, other, parent_module, thing, alias


if False:
    # A star import is only allowed at module level; this one is never run.
    from .helpers import *


def lazy_import():
    import textwrap
    global json
    import json
    return textwrap.shorten("the quick brown fox jumps over the lazy dog", width=20)


print("osp is os.path:", osp is os.path)
print("joined:", path_join("tmp", "file.txt"), basename("/a/b/c.py"))
print("is Mapping:", isinstance({}, cabc.Mapping))
print("json:", json.dumps({"b": [1, 2], "a": None}, sort_keys=True))

root = xml.etree.ElementTree.fromstring("<r><c n='1'/><c n='2'/></r>")
print("xml children:", [c.get("n") for c in root])

od = OrderedDict(a=1, b=2)
od.move_to_end("a")
print("ordered:", list(od))

dd = defaultdict(list)
for word in ["apple", "avocado", "banana"]:
    dd[word[0]].append(word)
print("grouped:", dict(dd))

Point = namedtuple("Point", "x y")
p = Point(3, 4)
print("point:", p, "distance:", hypot(p.x, p.y))

print("star import:", floor(pi), ceil(e), sqrt(16), gcd(12, 18))
print("chain:", list(chain([1], (2, 3))), "count:", next(count(5)))
print("letters:", letters[:5])
print("lazy:", lazy_import())
print("function defined:", callable(relative_imports_are_never_called))
