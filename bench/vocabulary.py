"""Shared by bench/generate-catalog.py and bench/generate-queries.py: the synthetic vocabulary (per
language, rank order, Zipf-weighted), the category tree, and the catalog plan (every random draw the
catalog makes per product), so the query generator sees exactly the words the catalog holds.

Everything is deterministic: the vocabulary comes from random.Random(SEED), the plan for N products
from another random.Random(SEED).

The vocabularies are parallel: rank r is "the same word" in every language (rank 0 is tea, Tee, çay,
teh, お茶, شاي, ชา), and a product's name and description use the same ranks in every language, as
translations would. Ranks 0-11 are real product words; the rest are made from syllables of the script.
"""
import random
from bisect import bisect
from collections import namedtuple
from itertools import islice, repeat

SEED = 42
LANGUAGES = ("en", "de", "tr", "id", "ja", "ar", "th")
# Written without spaces between words (names and descriptions), as real text is.
SPACELESS = frozenset(("ja", "th"))
VOCABULARY_SIZE = 6000
ZIPF_S = 1.0

# The most frequent ranks, aligned across languages.
REAL_WORDS = {
    "en": ["tea", "coffee", "spice", "cup", "bowl", "black", "green", "basket", "scarf", "lantern", "tray", "Istanbul"],
    "de": ["Tee", "Kaffee", "Gewürz", "Tasse", "Schale", "schwarz", "grün", "Korb", "Schal", "Laterne", "Tablett", "Istanbul"],
    "tr": ["çay", "kahve", "baharat", "fincan", "kâse", "siyah", "yeşil", "sepet", "şal", "fener", "tepsi", "İstanbul"],
    "id": ["teh", "kopi", "rempah", "cangkir", "mangkuk", "hitam", "hijau", "keranjang", "selendang", "lentera", "nampan", "Istanbul"],
    "ja": ["お茶", "コーヒー", "スパイス", "カップ", "ボウル", "黒", "緑", "かご", "スカーフ", "ランタン", "トレイ", "イスタンブール"],
    "ar": ["شاي", "قهوة", "توابل", "كوب", "وعاء", "أسود", "أخضر", "سلة", "وشاح", "فانوس", "صينية", "إسطنبول"],
    "th": ["ชา", "กาแฟ", "เครื่องเทศ", "ถ้วย", "ชาม", "ดำ", "เขียว", "ตะกร้า", "ผ้าพันคอ", "โคม", "ถาด", "อิสตันบูล"],
}

COLOURS = ("black", "white", "red", "green", "blue", "yellow", "brown", "grey")

# Category tree: TOP_CATEGORIES top-level categories with CHILD_CATEGORIES children each.
TOP_CATEGORIES = 20
CHILD_CATEGORIES = 9

# Description windows and the word stream they are cut from (see CatalogPlan).
NAME_WORDS = (2, 4)
DESCRIPTION_WORDS = (8, 20)
MIN_STREAM = 300_000
PLAN_BATCH = 1000


def zipf_cumulative(size, s=ZIPF_S):
    """Cumulative Zipf weights of ranks 0..size-1 (weight of rank r: 1 / (r + 1) ** s)."""
    cumulative, total = [], 0.0
    for rank in range(size):
        total += 1.0 / (rank + 1) ** s
        cumulative.append(total)
    return cumulative


def zipf_sampler(rng, cumulative):
    """A function drawing one index, weighted by `cumulative`, with bisect."""
    total, hi, draw = cumulative[-1], len(cumulative) - 1, rng.random
    return lambda: bisect(cumulative, draw() * total, 0, hi)


def zipf_sample(rng, cumulative, count):
    """`count` indices weighted by `cumulative` (bisect over rng.random() * total, like zipf_sampler,
    but iterated in C)."""
    total, guarded = cumulative[-1], cumulative[:-1] + [float("inf")]
    return list(map(bisect, repeat(guarded), map(total.__mul__, islice(iter(rng.random, None), count))))


# --- Word makers, one per script. Each returns a candidate word; duplicates are dropped by the caller.

def _pick(rng, weighted):
    return weighted[int(rng.random() * len(weighted))]


EN = dict(
    onsets=["", "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y", "z",
            "bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sh", "sk", "sl", "sm", "sn", "sp",
            "st", "str", "sw", "th", "tr", "wh"],
    vowels=["a", "a", "e", "e", "i", "i", "o", "o", "u", "ai", "ea", "ee", "oa", "oo", "ou", "ie"],
    codas=["", "", "", "", "", "", "n", "r", "l", "s", "t", "d", "ck", "ng", "nd", "st", "m", "p", "x", "sh", "th",
           "rt", "lt"],
    syllables=[1, 1, 2, 2, 2, 3],
)
DE = dict(
    onsets=["", "", "b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "bl", "br", "dr",
            "fl", "fr", "gl", "gr", "kl", "kr", "pf", "pl", "schl", "schm", "schn", "schw", "sch", "sp", "st", "str",
            "tr", "zw"],
    vowels=["a", "a", "a", "e", "e", "e", "e", "i", "i", "o", "o", "u", "u", "ä", "ö", "ü", "ei", "au", "ie", "eu"],
    codas=["", "", "", "", "", "n", "r", "l", "s", "t", "ch", "ck", "ng", "nd", "st", "tz", "rn", "lt", "rt", "m",
           "ft", "cht", "ß"],
    syllables=[1, 1, 2, 2, 2, 3],
    suffixes=["en", "er", "el", "ung", "heit", "chen", "ling", "e"],
)
TR_BACK, TR_FRONT = ["a", "a", "ı", "o", "u"], ["e", "e", "i", "ö", "ü"]
TR = dict(
    onsets=["", "", "b", "c", "ç", "d", "f", "g", "h", "k", "k", "l", "m", "n", "p", "r", "s", "ş", "t", "v", "y",
            "z"],
    codas=["", "", "", "", "n", "r", "l", "k", "m", "t", "ş", "z", "ç", "s", "y", "ğ", "rt", "nk", "st"],
    syllables=[1, 2, 2, 2, 3, 3],
)
ID = dict(
    onsets=["", "b", "c", "d", "g", "h", "j", "k", "k", "l", "m", "n", "p", "r", "s", "s", "t", "t", "w", "y", "ng",
            "ny"],
    vowels=["a", "a", "a", "i", "i", "u", "u", "e", "o"],
    codas=["", "", "", "", "n", "ng", "k", "h", "r", "t", "s", "l", "m"],
    syllables=[2, 2, 2, 3, 3],
)


def _latin(rng, spec, vowels=None):
    vowels = vowels or spec["vowels"]
    parts = []
    for _ in range(_pick(rng, spec["syllables"])):
        parts.append(_pick(rng, spec["onsets"]) + _pick(rng, vowels) + _pick(rng, spec["codas"]))
    return "".join(parts)


def _en(rng):
    word = _latin(rng, EN)
    return word.capitalize() if rng.random() < 0.08 else word


def _de(rng):
    word = _latin(rng, DE)
    if rng.random() < 0.3:
        word += _pick(rng, DE["suffixes"])
    return word.capitalize() if rng.random() < 0.55 else word


TR_UPPER = {"i": "İ", "ı": "I"}


def _tr(rng):
    vowels = TR_BACK if rng.random() < 0.5 else TR_FRONT  # vowel harmony, roughly
    word = _latin(rng, TR, vowels)
    if word.startswith("ğ"):
        word = word[1:]
    if rng.random() < 0.2:
        word += "lık" if vowels is TR_BACK else "lik"
    if rng.random() < 0.1 and word:
        word = TR_UPPER.get(word[0], word[0].upper()) + word[1:]
    return word


def _id(rng):
    word = _latin(rng, ID)
    return word.capitalize() if rng.random() < 0.08 else word


KATAKANA = list("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
                "ガギグゲゴザジズゼゾダデドバビブベボパピプペポ")
HIRAGANA = list("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん"
                "がぎぐげござじずぜぞだでどばびぶべぼ")
KANJI = list("茶器皿布木竹金銀赤青白花山川海風光月日星夜朝春夏秋冬手織染焼香味甘辛塩米豆油酒絹綿革紙石鉄銅陶磁漆箱袋瓶鉢椀杯盆籠")


def _ja(rng):
    kind = rng.random()
    if kind < 0.45:  # katakana loanword, sometimes with ー or ッ
        word = ""
        for index in range(2 + int(rng.random() * 4)):
            if index and rng.random() < 0.1:
                word += "ッ"
            word += _pick(rng, KATAKANA)
            if index and rng.random() < 0.2:
                word += "ー"
        return word.replace("ンッ", "ン").replace("ッン", "ン")
    if kind < 0.75:  # kanji compound, or kanji with hiragana
        if rng.random() < 0.7:
            return _pick(rng, KANJI) + _pick(rng, KANJI)
        return _pick(rng, KANJI) + "".join(_pick(rng, HIRAGANA) for _ in range(1 + int(rng.random() * 2)))
    return "".join(_pick(rng, HIRAGANA) for _ in range(2 + int(rng.random() * 3)))


AR_LETTERS = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") + list("بتدرسكلمنه")  # common letters twice
AR_FATHA = "\u064e"


def _ar(rng):
    letters = [_pick(rng, AR_LETTERS) for _ in range(3 + int(rng.random() * 4))]
    while letters[0] == "ا":
        letters[0] = _pick(rng, AR_LETTERS)
    if rng.random() < 0.05:  # an occasional vowel mark
        at = int(rng.random() * len(letters))
        if letters[at] != "ا":
            letters[at] += AR_FATHA
    word = "".join(letters)
    if rng.random() < 0.12 and word[-1] not in "اوي":
        word += "ة"
    if rng.random() < 0.25:
        word = "ال" + word
    return word


TH_INITIALS = list("กขคงจฉชซดตถทนบปผพฟมยรลวสหอ")
TH_FINALS = ["", "", "", "ก", "ง", "น", "ม", "ย", "ว", "ด", "บ"]
TH_TONES = ["", "", "", "", "", "่", "้"]


def _th_syllable(rng):
    c, tone, final = _pick(rng, TH_INITIALS), _pick(rng, TH_TONES), _pick(rng, TH_FINALS)
    kind = int(rng.random() * 6)
    if kind == 0:
        return c + tone + "า" + final
    if kind == 1:
        return c + _pick(rng, ["ิ", "ี", "ึ", "ื", "ุ", "ู"]) + tone + final
    if kind == 2:
        return _pick(rng, ["เ", "แ", "โ"]) + c + tone + final
    if kind == 3:
        return _pick(rng, ["ไ", "ใ"]) + c + tone
    if kind == 4:
        return c + "ั" + tone + (final or "น")
    return c + tone + "อ" + final


def _th(rng):
    return "".join(_th_syllable(rng) for _ in range(_pick(rng, [1, 2, 2, 2, 3, 3])))


MAKERS = {"en": _en, "de": _de, "tr": _tr, "id": _id, "ja": _ja, "ar": _ar, "th": _th}
# Letters a typo may put in (bench/generate-queries.py).
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "de": "abcdefghijklmnopqrstuvwxyzäöüß",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyz",
    "id": "abcdefghijklmnoprstuwy",
    "ja": "".join(KATAKANA + HIRAGANA),
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "th": "".join(TH_INITIALS) + "าิีึืุูเแโไใะ",
}


def _fold(lang, word):
    if lang == "tr":
        word = word.replace("İ", "i").replace("I", "ı")
    return word.casefold()


def build_vocabulary(size=VOCABULARY_SIZE, seed=SEED):
    """{language: [word, ...]} in rank order (rank 0 most frequent); words distinct per language,
    also after case folding."""
    rng = random.Random(seed)
    vocabulary = {}
    for lang in LANGUAGES:
        words, seen, make = list(REAL_WORDS[lang]), {_fold(lang, w) for w in REAL_WORDS[lang]}, MAKERS[lang]
        minimum = 2 if lang in ("ja", "th", "ar") else 3
        while len(words) < size:
            word = make(rng)
            key = _fold(lang, word)
            if len(word) >= minimum and key not in seen:
                seen.add(key)
                words.append(word)
        for word in words:  # the catalog writes words into JSON without escaping
            assert not any(ch in '"\\' or ord(ch) < 0x20 or ch.isspace() for ch in word), word
        vocabulary[lang] = words
    return vocabulary


def categories():
    """[(id, parent id or None, position, name ranks)], parents first. Top-level category i is named
    after rank i; its children after rank 20 + ... followed by the parent's word."""
    tree = []
    for top in range(TOP_CATEGORIES):
        tree.append((f"cat-{top + 1:02d}", None, top + 1, (top,)))
    for top in range(TOP_CATEGORIES):
        for child in range(CHILD_CATEGORIES):
            rank = TOP_CATEGORIES + top * CHILD_CATEGORIES + child
            tree.append((f"cat-{top + 1:02d}-{child + 1:02d}", f"cat-{top + 1:02d}", child + 1, (rank, top)))
    return tree


def join_words(lang, words):
    return ("" if lang in SPACELESS else " ").join(words)


Batch = namedtuple("Batch", "start end category name_at name_length description_at description_length base colour_s colour_l")


class CatalogPlan:
    """Every random draw of a catalog of `count` products.

    `stream` is a sequence of Zipf-sampled ranks (2 * count long, at least MIN_STREAM, with its start
    repeated at the end so windows need no wrap-around). Products come in batches of PLAN_BATCH, and
    batch j owns the j-th of equal, disjoint blocks of the stream: a product's name is a window of 2-4
    ranks at a random offset in the block, its description a window of 8-20 ranks at an offset in the
    block no other product's description starts at (so descriptions differ). Keeping a batch within
    one block keeps the catalog generator's memory accesses local, which makes it about twice as fast.
    The draws come column by column per batch (`batches()`), so a caller can assemble lines with
    C-level iteration.
    """

    def __init__(self, count, seed=SEED):
        self.count = count
        rng = self.rng = random.Random(seed)
        length = max(2 * count, MIN_STREAM)
        stream = zipf_sample(rng, zipf_cumulative(VOCABULARY_SIZE), length)
        self.stream = stream + stream[:DESCRIPTION_WORDS[1]]
        self.length = length
        self.block = length // max(1, -(-count // PLAN_BATCH))
        self.categories = categories()
        # Products go into child categories, Zipf-weighted (s = 0.6) in a shuffled order.
        self.leaf_categories = [index for index, category in enumerate(self.categories) if category[1]]
        rng.shuffle(self.leaf_categories)
        self.category_cumulative = zipf_cumulative(len(self.leaf_categories), 0.6)

    def batches(self):
        """Yields a Batch per PLAN_BATCH products: lists of category index, name offset and length,
        description offset and length, base price in cents, colours of the S and L variants."""
        rng, draw, block, leaves = self.rng, self.rng.random, self.block, self.leaf_categories
        sample_leaf = zipf_sampler(self.rng, self.category_cumulative)
        low_name, name_span = NAME_WORDS[0], NAME_WORDS[1] - NAME_WORDS[0] + 1
        low_description, description_span = DESCRIPTION_WORDS[0], DESCRIPTION_WORDS[1] - DESCRIPTION_WORDS[0] + 1
        colours = len(COLOURS)
        for index, start in enumerate(range(0, self.count, PLAN_BATCH)):
            end = min(self.count, start + PLAN_BATCH)
            products, at = range(end - start), index * block
            yield Batch(
                start, end,
                [leaves[sample_leaf()] for _ in products],
                [at + int(draw() * block) for _ in products],
                [low_name + int(draw() * name_span) for _ in products],
                [at + offset for offset in rng.sample(range(block), end - start)],
                [low_description + int(draw() * description_span) for _ in products],
                [199 + int(draw() * 19801) for _ in products],
                [COLOURS[int(draw() * colours)] for _ in products],
                [COLOURS[int(draw() * colours)] for _ in products])
