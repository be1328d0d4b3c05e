"""Keyword matching: catalog keywords × resume lines → each keyword's evidence lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tailor.models import Evidence, Keyword, KeywordResult, Line, MatchKind
from tailor.nlp import build_pipeline

if TYPE_CHECKING:
    from spacy.language import Language

# "follow-up" and "follow up", "long-term care" and "long term care" are the same phrase: hyphens
# between word characters become spaces in both patterns and text (one character for one, so
# character offsets stay put).
_INNER_HYPHEN = re.compile(r"[-‐‑](?<=\w[-‐‑])(?=\w)")  # hyphen first: 3x faster to scan
# "[number] patients", "[EHR system]": a draft's placeholders for facts the person has yet to
# supply. They are no evidence of anything, so they are blanked (same length) before matching.
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,120}\]")
_KIND_RANK = {MatchKind.EXACT: 0, MatchKind.ALIAS: 1, MatchKind.LEMMA: 2}
_KINDS = (MatchKind.EXACT, MatchKind.ALIAS, MatchKind.LEMMA)
_LEMMA_RANK = 2
_HARD_BREAK = " \n "  # a whitespace token of its own: no phrase matches across it
_SOFT_BREAK = " "


def is_case_sensitive(form: str, keyword: Keyword) -> bool:
    """True when `form` must match as written: the entry asks for it, or the form is in capitals.

    "RN" must not match lower-case text, where it could only be a fragment or a typo, nor "Epic"
    the adjective "epic". `match_case` binds one-word forms only: in "Microsoft excel" the
    other word already tells the product from the verb.
    """
    if keyword.match_case and len(form.split()) == 1:
        return True
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def form_variants(form: str, case_sensitive: bool) -> set[str]:
    """The spellings one catalog form stands for, before tokenisation."""
    base = _INNER_HYPHEN.sub(" ", " ".join(form.split()))
    out = {base}
    if " and " in base:
        out.add(base.replace(" and ", " & "))
    if " & " in base:
        out.add(base.replace(" & ", " and "))
    for v in list(out):
        if "'s " in v or v.endswith("'s"):
            out.add(v.replace("'s", "s"))
            out.add(v.replace("'s", ""))
    if case_sensitive:
        for v in list(out):
            out.add(v.upper())
            if " " not in v and v.isupper() and not v.endswith("S"):
                out.add(v + "s")  # EMRs, RNs
    return out


@dataclass(frozen=True, slots=True)
class _Label:
    index: int
    kind: MatchKind


class KeywordMatcher:
    """Finds a fixed set of keywords in resume lines; build once, use for many resumes.

    Two spaCy PhraseMatchers run over one Doc of the whole resume: ORTH for case-sensitive
    forms (acronyms, product names) and LEMMA for the rest, in any grammatical form
    ("coordinated care" for "coordinate care"). A LEMMA match whose lower-case words are the
    term or an alias themselves is reported as an exact or alias match.
    """

    def __init__(self, keywords: Sequence[Keyword], nlp: Language | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.keywords = tuple(keywords)
        self._nothing = tuple(KeywordResult(kw, ()) for kw in self.keywords)
        self.nlp = nlp or build_pipeline()
        vocab = self.nlp.vocab
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        self._lemma = PhraseMatcher(vocab, attr="LEMMA")
        self._labels: dict[int, _Label] = {}
        # (keyword index, lower-case word hashes) → how a LEMMA match of exactly those words
        # is reported: EXACT for the term's own words, ALIAS for an alias's.
        form_kinds: dict[tuple[int, tuple[int, ...]], MatchKind] = {}
        orth: dict[str, list[Any]] = {}
        lemma: dict[str, list[Any]] = {}
        lemma_seen: set[tuple[int, tuple[str, ...]]] = set()
        planned: list[tuple[int, MatchKind, bool, str]] = []
        for index, kw in enumerate(self.keywords):
            forms = [(kw.term, MatchKind.EXACT)] + [(a, MatchKind.ALIAS) for a in kw.aliases]
            for form, kind in forms:
                sensitive = is_case_sensitive(form, kw)
                planned += [(index, kind, sensitive, variant)
                            for variant in sorted(form_variants(form, sensitive))]
        # One batched pass builds every pattern doc (several times faster than one call each).
        unique = list(dict.fromkeys(variant for *_, variant in planned))
        docs_by_text = dict(zip(unique, self.nlp.pipe(unique), strict=True))
        for index, kind, sensitive, variant in planned:
            doc = docs_by_text[variant]
            if not len(doc):
                continue
            key = f"{index}:{kind.value}"
            if sensitive:
                orth.setdefault(key, []).append(doc)
                continue
            words = (index, tuple(t.lower for t in doc))
            if _KIND_RANK[kind] < _KIND_RANK[form_kinds.get(words, MatchKind.LEMMA)]:
                form_kinds[words] = kind
            seen = (index, tuple(t.lemma_ for t in doc))
            if seen not in lemma_seen:
                lemma_seen.add(seen)
                lemma.setdefault(f"{index}:lemma", []).append(doc)
        for matcher, table in ((self._orth, orth), (self._lemma, lemma)):
            for key, docs in table.items():
                matcher.add(key, docs)
                index_text, kind_text = key.split(":")
                self._labels[vocab.strings[key]] = _Label(int(index_text), MatchKind(kind_text))
        # The hot loop works with plain ints: (keyword index, kind rank) per match id.
        self._plain_labels = {k: (v.index, _KIND_RANK[v.kind]) for k, v in self._labels.items()}
        self._forms = {k: _KIND_RANK[v] for k, v in form_kinds.items()}

    def find(self, lines: Sequence[Line]) -> tuple[KeywordResult, ...]:
        """Every keyword with the resume lines that show it, in catalog order.

        A phrase may run across a soft line wrap (Line.wrap) but never across paragraphs.
        A keyword shown on one line by several forms counts once, with the best match kind.
        Bracketed placeholders ("[number] patients", "[EHR system]") never count.
        """
        from spacy.attrs import IDX, LENGTH, LOWER

        parts: list[str] = []
        starts: list[int] = []
        position = 0
        for i, line in enumerate(lines):
            if i:
                sep = _SOFT_BREAK if line.wrap else _HARD_BREAK
                parts.append(sep)
                position += len(sep)
            starts.append(position)
            parts.append(line.text)
            position += len(line.text)
        joined = _INNER_HYPHEN.sub(" ", "".join(parts))
        if "[" in joined:
            joined = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), joined)
        doc = self.nlp(joined)
        if not len(doc):
            return self._nothing
        columns = doc.to_array([IDX, LENGTH, LOWER])  # indexed per match: no bulk .tolist()
        idx = columns[:, 0].tolist()
        length = columns[:, 1].tolist()
        lowers = columns[:, 2]
        best: dict[tuple[int, int], tuple[int, int, int]] = {}
        forms = self._forms
        labels = self._plain_labels
        for matcher in (self._orth, self._lemma):
            for match_id, start, end in matcher(doc):
                index, rank = labels[match_id]
                if rank == _LEMMA_RANK:
                    words = tuple(lowers[start:end].tolist())
                    rank = forms.get((index, words), _LEMMA_RANK)
                start_char = idx[start]
                spot = (index, bisect_right(starts, start_char) - 1)
                previous = best.get(spot)
                if previous is None or rank < previous[0]:
                    best[spot] = (rank, start_char, idx[end - 1] + length[end - 1])
        found: dict[int, list[Evidence]] = {}
        kinds = _KINDS
        for (index, first), (rank, start_char, end_char) in sorted(best.items()):
            kind = kinds[rank]
            line = lines[first]
            offset = starts[first]
            if end_char - offset <= len(line.text):  # the usual case: within one line
                text = line.text
                matched = text[start_char - offset : end_char - offset]
            else:
                last = bisect_right(starts, end_char - 1) - 1
                text = " ".join(ln.text for ln in lines[first : last + 1])
                matched = _original_text(lines, starts, first, last, start_char, end_char)
            found.setdefault(index, []).append(
                Evidence(line.number, text, line.section, line.source, kind, matched))
        if not found:
            return self._nothing
        results = list(self._nothing)
        for i, evidence in found.items():
            results[i] = KeywordResult(self.keywords[i], tuple(evidence))
        return tuple(results)


def _original_text(lines: Sequence[Line], starts: Sequence[int], first: int, last: int,
                   start_char: int, end_char: int) -> str:
    """The resume's own words for a match, hyphens and all, across lines if it wraps."""
    pieces = []
    for i in range(first, last + 1):
        text = lines[i].text
        lo = max(start_char - starts[i], 0)
        hi = min(end_char - starts[i], len(text))
        pieces.append(text[lo:hi])
    return " ".join(p for p in pieces if p)


_MATCHERS: dict[tuple[int, ...], KeywordMatcher] = {}
_MAX_MATCHERS = 16


def build_matcher(keywords: Sequence[Keyword]) -> KeywordMatcher:
    """A KeywordMatcher for these keyword objects, built once per process and set.

    Keyed by the identity of the (immutable, cached) keyword objects, which costs far less than
    hashing their contents on every resume of a batch.
    """
    key = tuple(map(id, keywords))
    matcher = _MATCHERS.get(key)
    if matcher is not None and len(matcher.keywords) == len(keywords) and all(
            a is b for a, b in zip(matcher.keywords, keywords, strict=True)):
        return matcher
    matcher = KeywordMatcher(keywords)
    if len(_MATCHERS) >= _MAX_MATCHERS:
        del _MATCHERS[next(iter(_MATCHERS))]
    _MATCHERS[key] = matcher
    return matcher


def find_keywords(keywords: Iterable[Keyword],
                  lines: Sequence[Line]) -> tuple[KeywordResult, ...]:
    """Match `keywords` against `lines` with the shared pipeline (one matcher per keyword set)."""
    return build_matcher(tuple(keywords)).find(lines)
