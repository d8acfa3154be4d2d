"""Turn the everyday spellings of municipality names into one comparable key."""

import re

# Longest phrases first: "муниципальный район" must go before "район".
_DESIGNATIONS = [
    "закрытое административно-территориальное образование",
    "муниципальное образование",
    "муниципальный район",
    "муниципальный округ",
    "городской округ",
    "оренбургской области",
    "оренбургская область",
    "зато",
    "город",
    "район",
    "округ",
    "р-н",
    "мо",
    "го",
    "мр",
    "мо",
    "г",
]
_DESIGNATION_PATTERN = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(item) for item in _DESIGNATIONS) + r")(?![\w-])"
)
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")
_PUNCTUATION = re.compile(r"[.,;:()«»\"'„“”`/\\]")
_SPACES = re.compile(r"\s+")


def municipality_key(name: str) -> str:
    """Return the name reduced to its distinctive words, for matching spreadsheet spellings."""
    text = str(name).lower().replace("ё", "е").replace("\u00a0", " ")
    text = _DASHES.sub("-", text)
    text = _PUNCTUATION.sub(" ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = _SPACES.sub(" ", text).strip()
    stripped = _SPACES.sub(" ", _DESIGNATION_PATTERN.sub(" ", text)).strip()
    # A name made only of designations ("ЗАТО") keeps its words rather than becoming empty.
    return stripped or text
