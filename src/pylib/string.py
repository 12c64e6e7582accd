"""string: character-class constants (ascii_letters, digits, punctuation, whitespace, ...),
capwords(), and Template ($-substitution with substitute / safe_substitute).

Written for gilpy from the documented behaviour of CPython 3.11's module.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split on sep (whitespace by default), capitalize each word, join with sep
    (one space by default)."""
    return (sep or " ").join([w.capitalize() for w in s.split(sep)])


def _is_ident_start(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z")


def _is_ident_char(c):
    return _is_ident_start(c) or ("0" <= c <= "9")


class Template:
    """A string with $name / ${name} placeholders ($$ is a literal $)."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        text = self.template
        out = []
        i = 0
        n = len(text)
        delim = self.delimiter
        dl = len(delim)
        while i < n:
            if not text.startswith(delim, i):
                j = text.find(delim, i)
                if j < 0:
                    j = n
                out.append(text[i:j])
                i = j
                continue
            start = i
            i += dl
            if text.startswith(delim, i):
                out.append(delim)
                i += dl
                continue
            braced = i < n and text[i] == "{"
            j = i + 1 if braced else i
            if j < n and _is_ident_start(text[j]):
                k = j + 1
                while k < n and _is_ident_char(text[k]):
                    k += 1
                name = text[j:k]
                if braced:
                    if k < n and text[k] == "}":
                        k += 1
                    else:
                        self._invalid(start, safe, out)
                        i = start + dl
                        continue
                if name in mapping:
                    out.append(str(mapping[name]))
                elif safe:
                    out.append(text[start:k])
                else:
                    raise KeyError(name)
                i = k
                continue
            self._invalid(start, safe, out)
            i = start + dl
        return "".join(out)

    def _invalid(self, pos, safe, out):
        if safe:
            out.append(self.delimiter)
            return
        before = self.template[:pos]
        lines = before.split("\n")
        lineno = len(lines)
        colno = len(lines[-1]) + 1
        raise ValueError("Invalid placeholder in string: line " + str(lineno) +
                         ", col " + str(colno))

    def _mapping(self, mapping, kws):
        if mapping is None:
            return kws
        if kws:
            merged = dict(mapping)
            merged.update(kws)
            return merged
        return mapping

    def substitute(self, mapping=None, /, **kws):
        """Replace every placeholder; a missing name raises KeyError."""
        return self._scan(self._mapping(mapping, kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        """Replace the placeholders that have values; leave the others as they are."""
        return self._scan(self._mapping(mapping, kws), True)

    def get_identifiers(self):
        ids = []

        class Collector(dict):
            def __contains__(self, key):
                if key not in ids:
                    ids.append(key)
                return False

        self._scan(Collector(), True)
        return ids

    def is_valid(self):
        try:
            self._scan(_Everything(), False)
        except ValueError:
            return False
        return True


class _Everything(dict):
    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return ""


class Formatter:
    """str.format as an overridable object (format and vformat)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
