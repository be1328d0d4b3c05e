"""Builds tailor's spaCy pipeline once: a blank English tokenizer plus case-blind lookup lemmas."""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LEMMATIZER = "tailor_lemmatizer"

# Known errors in the lookup table that matter on resumes ("Developed care plans" must meet
# "develop care plans"): the table maps developed/developing/developes to "develope".
LEMMA_FIXES = {"developed": "develop", "developing": "develop", "developes": "develop",
               "develope": "develop"}


class LemmaTable(Protocol):
    """What the lemmatizer needs of a table: a lookup by lower-case word."""

    def get(self, key: str, /) -> str | None: ...


@cache
def english_lemmas() -> LemmaTable:
    """The English lookup lemma table from spacy-lookups-data, as a plain dict.

    Read straight from the package's gzipped JSON (about 20 ms), falling back to spaCy's own
    loader (about 100 ms) if the package ever moves the file.
    """
    try:
        table = files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
        with table.open("rb") as handle, gzip.open(handle) as unzipped:
            data: dict[str, str] = json.load(unzipped)
    except (FileNotFoundError, ModuleNotFoundError, OSError, ValueError):
        from spacy.lookups import load_lookups

        spacy_table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        for word, lemma in LEMMA_FIXES.items():
            spacy_table.set(word, lemma)
        return cast("LemmaTable", spacy_table)
    data.update(LEMMA_FIXES)
    return data


class LowercaseLemmatizer:
    """Sets every token's lemma from the lower-cased word.

    spaCy's own lookup lemmatizer is case-sensitive: "Coordinated" at the start of a bullet
    keeps its form, so "Coordinated care" would never meet the pattern "coordinate care".
    Looking up the lower-cased token fixes that. Lemmas are lower case. Lemmas are set through
    the Doc's attribute arrays, with a cache from lower-case hash to lemma hash, which costs a
    fraction of walking the Token objects.
    """

    def __init__(self, table: LemmaTable) -> None:
        self.table = table
        self._by_hash: dict[int, int] = {}

    def _lemma_hash(self, lower: int, strings: Any) -> int:
        lemma = self.table.get(strings[lower])
        found = strings.add(lemma) if lemma is not None else lower
        self._by_hash[lower] = found
        return int(found)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, LOWER

        if not len(doc):
            return doc
        if len(doc) < 24:  # short texts (catalog patterns): a plain loop beats numpy's set-up
            cache = self._by_hash
            strings = doc.vocab.strings
            for token in doc:
                lower = token.lower
                lemma = cache.get(lower)
                token.lemma = lemma if lemma is not None else self._lemma_hash(lower, strings)
            return doc
        unique, inverse = numpy.unique(doc.to_array(LOWER), return_inverse=True)
        cache = self._by_hash
        strings = doc.vocab.strings
        mapped = [
            lemma if (lemma := cache.get(lower)) is not None else self._lemma_hash(lower, strings)
            for lower in unique.tolist()
        ]
        lemmas = numpy.asarray(mapped, dtype=numpy.uint64)[inverse]
        doc.from_array([LEMMA], cast("Any", lemmas.reshape(-1, 1)))
        return doc


def _make_lemmatizer(nlp: Any, name: str) -> LowercaseLemmatizer:
    return LowercaseLemmatizer(english_lemmas())


@cache
def build_pipeline() -> Language:
    """Return the shared pipeline: spacy.blank("en") + the lower-case lemma component.

    Built once per process (it costs about 0.8 s cold, mostly importing spaCy); no model is
    downloaded.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory(LEMMATIZER):
        Language.factory(LEMMATIZER, func=_make_lemmatizer)
    nlp = spacy.blank("en")
    nlp.add_pipe(LEMMATIZER)
    return nlp
