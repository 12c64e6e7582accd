"""Word statistics over a small text: dicts, sorting, Counter and string methods."""

from collections import Counter

TEXT = """
It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair.
"""


def tokenize(text):
    """Lower-case words with punctuation stripped."""
    words = []
    for raw in text.split():
        word = raw.strip(".,;:!?\"'").lower()
        if word:
            words.append(word)
    return words


def frequencies(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def top_n(counts, n=5):
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def histogram(counts, width=30):
    biggest = max(counts.values())
    lines = []
    for word, count in top_n(counts, 6):
        bar = "#" * round(count / biggest * width)
        lines.append(f"{word:>8} | {bar} {count}")
    return "\n".join(lines)


words = tokenize(TEXT)
counts = frequencies(words)
print("total words:", len(words))
print("distinct words:", len(counts))
print("top five:", top_n(counts))
print(histogram(counts))

by_length = {}
for w in set(words):
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))

counter = Counter(words)
print("counter agrees:", dict(counter) == counts)
print("most common 3:", counter.most_common(3))
print("letters:", Counter(ch for ch in TEXT.lower() if ch.isalpha()).most_common(4))

sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print("clauses:", len(sentences))
print("longest clause:", max(sentences, key=len))
capitalised = sorted({w for w in TEXT.split() if w[0].isupper()})
print("capitalised:", capitalised)
vowels = sum(1 for ch in TEXT.lower() if ch in "aeiou")
print(f"vowel ratio: {vowels / sum(c.isalpha() for c in TEXT):.3f}")
