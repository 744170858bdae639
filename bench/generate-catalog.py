#!/usr/bin/env python3
"""Writes a synthetic catalog of N products in the `pasar import` format (JSON Lines) to stdout:
six languages, two variants each, prices in every source market. Deterministic for a given N."""
import json
import random
import sys

count = int(sys.argv[1])
rng = random.Random(42)
markets = {"us": 1.0, "gb": 0.9, "de": 1.0, "fr": 1.0, "ch": 1.1, "jp": 160, "id": 16000, "tr": 35, "ae": 3.7, "in": 90, "nz": 1.7}
words = {
    "en": ["tea", "coffee", "spice", "batik", "bowl", "scarf", "lantern", "basket", "cup", "tray"],
    "de": ["Tee", "Kaffee", "Gewürz", "Batik", "Schale", "Schal", "Laterne", "Korb", "Tasse", "Tablett"],
    "tr": ["çay", "kahve", "baharat", "batik", "kâse", "şal", "fener", "sepet", "fincan", "tepsi"],
    "id": ["teh", "kopi", "rempah", "batik", "mangkuk", "selendang", "lentera", "keranjang", "cangkir", "nampan"],
    "ja": ["お茶", "コーヒー", "スパイス", "バティック", "ボウル", "スカーフ", "ランタン", "かご", "カップ", "トレイ"],
    "ar": ["شاي", "قهوة", "توابل", "باتيك", "وعاء", "وشاح", "فانوس", "سلة", "كوب", "صينية"],
}
print(json.dumps({"type": "category", "id": "bench", "parent": None, "position": 1,
                  "translations": {lang: {"name": f"Bench {lang}", "slug": f"bench-{lang}"} for lang in words}}, ensure_ascii=False))
for number in range(count):
    pid = f"p{number:07d}"
    base = rng.randint(199, 19999)
    translations = {}
    for lang, vocabulary in words.items():
        name = f"{vocabulary[number % 10]} {vocabulary[(number // 10) % 10]} {number}"
        translations[lang] = {"name": name, "slug": f"{pid}-{lang}", "description": name}
    variants = [{"sku": f"{pid.upper()}-S", "options": {"size": "s"}}, {"sku": f"{pid.upper()}-L", "options": {"size": "l"}}]
    prices = []
    for market, factor in markets.items():
        digits = 0 if market in ("jp", "id") else 2
        amount = base * factor / 100
        prices.append({"market": market, "variant": None, "amount": f"{amount:.{digits}f}"})
    print(json.dumps({"type": "product", "id": pid, "categories": ["bench"], "tax_class": "standard", "translations": translations,
                      "variants": variants, "prices": prices}, ensure_ascii=False))
