#!/usr/bin/env python3
"""Writes a synthetic catalog of N products in the `pasar import` format (JSON Lines) to stdout.

    python3 bench/generate-catalog.py N [--words-out DIR] > catalog.jsonl

Deterministic for a given N. Lines, in order:
- 200 categories (20 top-level `cat-01`..`cat-20`, 9 children each `cat-01-01`..; parents first),
  named in every language, slug `<id>-<lang>`;
- N products `p0000000`.. in seven languages (en de tr id ja ar th): a name of 2-4 and a description
  of 8-20 Zipf-distributed words (s = 1.0) from a vocabulary of 6000 words per language (see
  bench/vocabulary.py; ja and th are written without spaces), one child category, the variants
  `P0000000-S` and `P0000000-L` with options size (s, l) and colour, a price in every source market;
- stock per SKU, first at the store berlin-mitte, then at the warehouse leipzig-lager:
  {"type": "stock", "sku": "P0000000-S", "location": "berlin-mitte", "quantity": 0}
  (0 for about 30 % of SKUs, else 1-50).

--words-out DIR also writes the vocabulary as DIR/words-LANG.txt, one word a line in rank order.

Lines are assembled as bytes with C-level iteration (map, zip, chain) a batch of products at a time;
1,000,000 products (2.8 GB) take about 25 s.
"""
import argparse
import json
import os
import sys
from array import array
from itertools import accumulate, chain, repeat
from operator import add, sub

sys.dont_write_bytecode = True  # no bench/__pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocabulary  # noqa: E402

MARKETS = {"us": 1.0, "gb": 0.9, "de": 1.0, "fr": 1.0, "ch": 1.1, "jp": 160, "id": 16000, "tr": 35, "ae": 3.7, "in": 90, "nz": 1.7}
STOCK_LOCATIONS = ("berlin-mitte", "leipzig-lager")


def main():
    parser = argparse.ArgumentParser(description="Synthetic catalog for `pasar import` (JSON Lines on stdout).")
    parser.add_argument("count", type=int, help="number of products")
    parser.add_argument("--words-out", metavar="DIR", help="also write the vocabulary to DIR/words-LANG.txt")
    args = parser.parse_args()

    words = vocabulary.build_vocabulary()
    if args.words_out:
        os.makedirs(args.words_out, exist_ok=True)
        for lang, entries in words.items():
            with open(os.path.join(args.words_out, f"words-{lang}.txt"), "w", encoding="utf-8") as file:
                file.write("\n".join(entries) + "\n")

    plan = vocabulary.CatalogPlan(args.count)
    out = sys.stdout.buffer

    category_ids = [category[0] for category in plan.categories]
    lines = []
    for category_id, parent, position, ranks in plan.categories:
        translations = {
            lang: {"name": vocabulary.join_words(lang, [words[lang][rank] for rank in ranks]), "slug": f"{category_id}-{lang}"}
            for lang in vocabulary.LANGUAGES}
        lines.append(json.dumps({"type": "category", "id": category_id, "parent": parent, "position": position,
                                 "translations": translations}, ensure_ascii=False) + "\n")
    out.write("".join(lines).encode())

    # Prices depend only on the base amount: one JSON fragment per possible base.
    prices = [b""] * 20000
    for base in range(199, 20000):
        entries = []
        for market, factor in MARKETS.items():
            places = 0 if market in ("jp", "id") else 2
            entries.append({"market": market, "variant": None, "amount": f"{base * factor / 100:.{places}f}"})
        prices[base] = json.dumps(entries).encode()

    # Per language, the word stream is one bytes string (words joined by the language's separator)
    # with each word's start offset: the window of words a..b-1 is text[starts[a]:starts[b] - separator].
    languages = []
    for index, lang in enumerate(vocabulary.LANGUAGES):
        separator = b"" if lang in vocabulary.SPACELESS else b" "
        encoded = [word.encode() for word in words[lang]]
        lengths = [len(word) + len(separator) for word in encoded]
        text = separator.join(map(encoded.__getitem__, plan.stream))
        starts = array("q", accumulate(map(lengths.__getitem__, plan.stream), initial=0))
        end = "。" if lang == "ja" else "" if lang == "th" else "."
        following = (f'{end}"}}, "{vocabulary.LANGUAGES[index + 1]}": {{"name": "' if index + 1 < len(vocabulary.LANGUAGES)
                     else f'{end}"}}}}, "variants": [{{"sku": "P')
        languages.append((text, starts, len(separator), f'-{lang}", "description": "'.encode(), following.encode()))
    category_pieces = [f'", "categories": ["{category_id}"], "tax_class": "standard", "translations": {{"{vocabulary.LANGUAGES[0]}": {{"name": "'.encode()
                       for category_id in category_ids]
    variant_s = {colour: f'-S", "options": {{"size": "s", "colour": "{colour}"}}}}, {{"sku": "P'.encode() for colour in vocabulary.COLOURS}
    variant_l = {colour: f'-L", "options": {{"size": "l", "colour": "{colour}"}}}}], "prices": '.encode() for colour in vocabulary.COLOURS}

    for batch in plan.batches():
        digits = [b"%07d" % number for number in range(batch.start, batch.end)]
        name_end = list(map(add, batch.name_at, batch.name_length))
        description_end = list(map(add, batch.description_at, batch.description_length))
        columns = [repeat(b'{"type": "product", "id": "p'), digits, map(category_pieces.__getitem__, batch.category)]
        for text, starts, separator, slug_tail, following in languages:
            # Materialised one language at a time: the accesses stay within one text and one array.
            columns += [
                list(map(text.__getitem__, map(slice, map(starts.__getitem__, batch.name_at),
                                               map(sub, map(starts.__getitem__, name_end), repeat(separator))))),
                repeat(b'", "slug": "p'), digits, repeat(slug_tail),
                list(map(text.__getitem__, map(slice, map(starts.__getitem__, batch.description_at),
                                               map(sub, map(starts.__getitem__, description_end), repeat(separator))))),
                repeat(following)]
        columns += [digits, map(variant_s.__getitem__, batch.colour_s), digits, map(variant_l.__getitem__, batch.colour_l),
                    map(prices.__getitem__, batch.base), repeat(b"}\n")]
        out.write(b"".join(chain.from_iterable(zip(*columns))))

    draw = plan.rng.random
    for location in STOCK_LOCATIONS:
        tails = [f'", "location": "{location}", "quantity": {quantity}}}\n'.encode() for quantity in range(51)]
        for start in range(0, args.count, vocabulary.PLAN_BATCH):
            digits = [b"%07d" % number for number in range(start, min(args.count, start + vocabulary.PLAN_BATCH))]
            quantities = [tails[0 if draw() < 0.3 else 1 + int(draw() * 50)] for _ in range(2 * len(digits))]
            out.write(b"".join(chain.from_iterable(zip(
                repeat(b'{"type": "stock", "sku": "P'), digits, repeat(b'-S'), quantities[0::2],
                repeat(b'{"type": "stock", "sku": "P'), digits, repeat(b'-L'), quantities[1::2]))))
    out.flush()


if __name__ == "__main__":
    main()
