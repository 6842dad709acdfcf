"""A cheap, dependency-free check that a text is English.

The pipeline's models are English-only; running them on other languages gives confident
nonsense. Function words are the most frequent tokens of any language, so the share of
English function words among the tokens separates English from other languages well on
article-length texts. Other scripts are recognised by their Unicode blocks.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EN = _wordset("""
the of and to a in is that for it on was with he as at by be this are from his have not
but or they an had which we has been their were she her you its will would there who
said more about one all after when what also than into can our them two could if so
him new last other over only some i do no up out year years these first most may while
against such should says those because before just like being under between during
""")

_OTHER: dict[str, frozenset[str]] = {
    "German": _wordset("der die und das ist nicht mit den von zu ein eine auf sich dem des "
                        "im für wird auch es sie wie bei aus nach oder über"),
    "French": _wordset("le la les et des est une du dans que qui pas pour sur au avec il "
                        "elle sont ce cette aux ont été par plus"),
    "Spanish": _wordset("el la los las y del que en un una es por con para se su al lo "
                         "como más pero sus fue ha este esta"),
    "Italian": _wordset("il di che e la per un una del della non sono è con si gli le da "
                         "nel alla anche come più questo"),
    "Portuguese": _wordset("o a os as e do da dos das que em um uma para com não por se "
                            "na no mais foi ao como são"),
    "Indonesian/Malay": _wordset("yang dan di ini itu dengan untuk dari dalam tidak akan pada "
                                 "juga ke karena ada atau saya kita mereka sudah bisa"),
    "Turkish": _wordset("ve bir bu da de için ile olarak çok daha gibi ama ne var olan "
                        "sonra kadar en"),
    "Polish": _wordset("i w nie na się z że do to jest jak o po ale od za przez są był "
                       "tak jego"),
    "Dutch": _wordset("de het een en van in is dat op te met voor niet zijn er aan ook "
                       "als bij door maar worden"),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_TOKENS = 20  # below this the check abstains
MIN_ENGLISH_SHARE = 0.12  # English news: 0.35-0.5; other Latin-script languages: < 0.08


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "other"
    for script in ("LATIN", "CYRILLIC", "ARABIC", "GREEK", "HEBREW", "DEVANAGARI", "HANGUL",
                   "HIRAGANA", "KATAKANA", "CJK", "THAI", "ARMENIAN", "GEORGIAN"):
        if name.startswith(script):
            return script.capitalize()
    return "other"


def english_share(text: str) -> tuple[float, int]:
    """Share of English function words among word tokens, and the token count."""
    toks = [t.lower() for t in _WORD.findall(text)]
    if not toks:
        return 0.0, 0
    return sum(t in _EN for t in toks) / len(toks), len(toks)


def _best_other(toks: list[str]) -> tuple[str, float]:
    best, best_share = "another language", 0.0
    for lang, words in _OTHER.items():
        share = sum(t in words for t in toks) / max(1, len(toks))
        if share > best_share:
            best, best_share = lang, share
    return best, best_share


def _non_latin_script(text: str) -> str | None:
    """The dominant script when most letters are not Latin (Cyrillic, CJK, ...)."""
    letters = [ch for ch in text[:20_000] if ch.isalpha()]
    if len(letters) < 40:
        return None
    scripts = Counter(_script(ch) for ch in letters)
    if scripts["Latin"] / len(letters) >= 0.5:
        return None
    script, _ = scripts.most_common(1)[0]
    if script in ("Hiragana", "Katakana") or scripts["Hiragana"] + scripts["Katakana"] > 0.1 * len(
            letters):
        return "Japanese"
    names = {"Cjk": "Chinese (CJK script)", "Hangul": "Korean",
             "Cyrillic": "Cyrillic script (e.g. Russian, Ukrainian)", "Latin": "mixed scripts"}
    return names.get(script, f"{script} script")


def guess_language(text: str, sample: int = 20_000) -> str:
    """A readable guess of the language (or script) of a non-English text."""
    head = text[:sample]
    script = _non_latin_script(head)
    if script:
        return script
    best, share = _best_other([t.lower() for t in _WORD.findall(head)])
    return best if share >= OTHER_MIN_SHARE else "another language"


OTHER_MIN_SHARE = 0.08


def not_english_reason(text: str) -> str | None:
    """``"not English (looks like X ...)"`` when the text is recognisably another language.

    Returns ``None`` for English, for texts too short to tell, and for texts with few
    English function words that match no other language either (score tables, lists):
    those get :func:`low_english_warning` instead of a refusal.
    """
    script = _non_latin_script(text)
    if script:
        return f"not English (looks like {script})"
    share, n = english_share(text[:50_000])
    if n < MIN_TOKENS or share >= MIN_ENGLISH_SHARE:
        return None
    toks = [t.lower() for t in _WORD.findall(text[:50_000])]
    lang, other = _best_other(toks)
    if other >= OTHER_MIN_SHARE and other > share:
        return (f"not English (looks like {lang}; English function words {share:.0%} of "
                f"{n} words)")
    return None


def low_english_warning(text: str) -> str | None:
    """A warning for texts with unusually few English function words (lists, tables)."""
    share, n = english_share(text[:50_000])
    if n >= MIN_TOKENS and share < MIN_ENGLISH_SHARE and not_english_reason(text) is None:
        return (f"few English function words ({share:.0%} of {n} words): a list or table "
                "rather than prose?")
    return None
