#!/usr/bin/env python3
"""Writes COUNT distinct request paths for market de, one a line, for the catalog that
`bench/generate-catalog.py N_PRODUCTS` writes (deterministic for given arguments).

    python3 bench/generate-queries.py N_PRODUCTS [COUNT] > queries.txt            # search log
    python3 bench/generate-queries.py N_PRODUCTS [COUNT] --suggest > prefixes.txt # suggestions
    python3 bench/generate-queries.py N_PRODUCTS [COUNT] --facets > facets.txt    # facet pages

COUNT defaults to 2000.

Search (/v1/markets/de/products?lang=LANG&q=...): words come from the product names of that catalog
(bench/vocabulary.py rebuilds its vocabulary and plan), so they are Zipf-weighted as the names are:
35 % one word, 35 % two words of one name, 10 % three words of one name, 10 % one word (5+ letters)
with a typo (a letter substituted, deleted, or two transposed), 10 % a prefix of 3-5 characters
(as-you-type). The language is that of the name, from all seven (en de tr id ja ar th) unless
--langs says otherwise; half of the Latin-script queries are typed in lower case.

--suggest: /v1/markets/de/search/suggestions?lang=LANG&q=PREFIX with prefixes of 2-6 characters of
name words.

--facets: /v1/markets/de/products?lang=de&category=CAT&price_min=A&price_max=B&store=berlin-mitte
&in_stock=true&facets=category,price,option with CAT any category of the tree (top-level or child)
and 5.00 <= A < B <= 150.00 (EUR).
"""
import argparse
import os
import random
import sys
from urllib.parse import quote

sys.dont_write_bytecode = True  # no bench/__pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocabulary  # noqa: E402

MARKET = "de"
MIX = (("one", 0.35), ("two", 0.35), ("three", 0.10), ("typo", 0.10), ("prefix", 0.10))
LATIN = frozenset(("en", "de", "tr", "id"))


def lower(lang, text):
    if lang == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


class Names:
    """The product names of the catalog of `count` products, as rank windows into the plan's stream,
    and draws from them."""

    def __init__(self, count, languages, rng):
        self.words = vocabulary.build_vocabulary()
        plan = vocabulary.CatalogPlan(count)
        self.stream, self.windows = plan.stream, []
        for batch in plan.batches():
            self.windows += zip(batch.name_at, batch.name_length)
        self.languages, self.rng = languages, rng

    def name(self, minimum_words=1):
        """(language, [word, ...]) of a random product, in a random language."""
        draw = self.rng.random
        while True:
            at, length = self.windows[int(draw() * len(self.windows))]
            if length >= minimum_words:
                break
        lang = self.languages[int(draw() * len(self.languages))]
        return lang, [self.words[lang][rank] for rank in self.stream[at:at + length]]

    def word(self, minimum_length=1):
        """(language, word) of a random name, the word at least minimum_length characters long."""
        for _ in range(1000):
            lang, words = self.name()
            long_enough = [word for word in words if len(word) >= minimum_length]
            if long_enough:
                return lang, long_enough[int(self.rng.random() * len(long_enough))]
        raise SystemExit(f"no name word of {minimum_length}+ characters")

    def typed(self, lang, text):
        """Half of the Latin-script queries come in lower case."""
        return lower(lang, text) if lang in LATIN and self.rng.random() < 0.5 else text


def typo(rng, lang, word):
    letters = list(word)
    while True:
        at, kind = int(rng.random() * len(letters)), int(rng.random() * 3)
        changed = list(letters)
        if kind == 0:
            alphabet = vocabulary.ALPHABETS[lang]
            changed[at] = alphabet[int(rng.random() * len(alphabet))]
        elif kind == 1:
            del changed[at]
        elif at + 1 < len(changed):
            changed[at], changed[at + 1] = changed[at + 1], changed[at]
        result = "".join(changed)
        if result != word:
            return result


def search_queries(names, rng):
    """(kind, lang, q) forever, kind picked by MIX."""
    def one():
        lang, word = names.word()
        return lang, names.typed(lang, word)

    def several(count):
        lang, words = names.name(minimum_words=count)
        chosen = sorted(rng.sample(range(len(words)), count))
        return lang, names.typed(lang, vocabulary.join_words(lang, [words[index] for index in chosen]))

    def misspelt():
        lang, word = names.word(minimum_length=5)
        return lang, names.typed(lang, typo(rng, lang, word))

    def prefix():
        lang, word = names.word(minimum_length=4)
        return lang, names.typed(lang, word[:min(3 + int(rng.random() * 3), len(word) - 1)])

    return {"one": one, "two": lambda: several(2), "three": lambda: several(3), "typo": misspelt, "prefix": prefix}


def distinct(count, make, what, seen=None):
    """count results of make() that are not in `seen` (which they join) nor repeated, in order; gives
    up after many repeats."""
    seen = set() if seen is None else seen
    results, attempts = [], 0
    while len(results) < count:
        attempts += 1
        if attempts > 200 * count + 10000:
            raise SystemExit(f"only {len(results)} distinct {what} after {attempts} attempts; ask for fewer")
        path = make()
        if path not in seen:
            seen.add(path)
            results.append(path)
    return results


def main():
    parser = argparse.ArgumentParser(description="Request paths (market de) for the generated catalog, one a line.")
    parser.add_argument("products", type=int, help="N of bench/generate-catalog.py N")
    parser.add_argument("count", type=int, nargs="?", default=2000, help="distinct paths to write (default 2000)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--suggest", action="store_true", help="search suggestion paths (prefixes of 2-6 characters)")
    mode.add_argument("--facets", action="store_true", help="category + price + store facet paths")
    parser.add_argument("--langs", default=",".join(vocabulary.LANGUAGES),
                        help="languages of the queries, comma-separated (default: all seven)")
    args = parser.parse_args()
    languages = [lang for lang in args.langs.split(",") if lang]
    unknown = [lang for lang in languages if lang not in vocabulary.LANGUAGES]
    if unknown or not languages:
        parser.error(f"--langs: not a catalog language: {', '.join(unknown) or '(none)'}")
    rng = random.Random(vocabulary.SEED)

    if args.facets:
        ids = [category[0] for category in vocabulary.categories()]

        def facet():
            low, high = sorted(rng.sample(range(500, 15001), 2))
            return (f"/v1/markets/{MARKET}/products?lang=de&category={ids[int(rng.random() * len(ids))]}"
                    f"&price_min={low // 100}.{low % 100:02d}&price_max={high // 100}.{high % 100:02d}"
                    f"&store=berlin-mitte&in_stock=true&facets=category,price,option")
        paths = distinct(args.count, facet, "facet paths")
    elif args.suggest:
        names = Names(args.products, languages, rng)

        def suggestion():
            lang, word = names.word(minimum_length=3)
            prefix = names.typed(lang, word[:min(2 + int(rng.random() * 5), len(word) - 1)])
            return f"/v1/markets/{MARKET}/search/suggestions?lang={lang}&q={quote(prefix, safe='')}"
        paths = distinct(args.count, suggestion, "suggestion paths")
    else:
        names = Names(args.products, languages, rng)
        makers = search_queries(names, rng)
        quotas = [round(args.count * share) for _, share in MIX]
        quotas[0] += args.count - sum(quotas)
        seen, paths = set(), []
        for (kind, _), quota in zip(MIX, quotas):
            def search(kind=kind):
                lang, q = makers[kind]()
                return f"/v1/markets/{MARKET}/products?lang={lang}&q={quote(q, safe='')}"
            paths += distinct(quota, search, f"{kind} queries", seen)
        rng.shuffle(paths)  # a log mixes the kinds

    sys.stdout.write("\n".join(paths) + "\n")


if __name__ == "__main__":
    main()
