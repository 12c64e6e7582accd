"""Non-ASCII identifiers and text: Python 3 allows Unicode letters in names."""

import math

café = 1
π = math.pi
naïve_count = 0
größe = 1.82
résumé = {"nom": "Zoë", "ville": "Köln"}
Δx = 0.5
数量 = 3
переменная = "значение"
λ = lambda ω: ω * 2


def aire_du_cercle(rayon):
    """Compute the area of a circle (French names)."""
    return π * rayon ** 2


class Température:
    def __init__(self, degrés):
        self.degrés = degrés

    def en_fahrenheit(self):
        return self.degrés * 9 / 5 + 32


for naïve in ("a", "b"):
    naïve_count += 1

print("café =", café)
print("π ≈", round(π, 5))
print("größe:", größe, "Δx:", Δx)
print("résumé:", résumé["nom"], "aus", résumé["ville"])
print("数量 * 2 =", 数量 * 2)
print("переменная:", переменная, len(переменная))
print("λ(21) =", λ(21))
print("aire:", round(aire_du_cercle(2), 3))
print("°F:", Température(100).en_fahrenheit())
print("naïve count:", naïve_count)

# NFKC normalisation: the ligature "ﬁ" in a name is the same as "fi"
ﬁle_name = "normalised"
print("normalised identifier:", file_name)

# Unicode text in strings, escapes and lengths
words = ["naïve", "straße", "日本語", "emoji 🐍"]
for w in words:
    print(f"{w!r:>14} chars={len(w):2d} bytes={len(w.encode()):2d} upper={w.upper()}")
print("sorted:", sorted(words))
print("casefold equal:", "Straße".casefold() == "STRASSE".casefold())
print("ord/chr:", ord("é"), chr(960), "\u03c0" == "π")
