"""The claims ledger: every claim of a layer over the corpus, grouped by proposition.

A claim is a CLAIM span with its relations: who makes it (CLAIMANT), who reports it (SOURCE),
what it is about (TARGET) and who denies it (DENIED_BY). Its date is that of a DATE span linked
to it (by any relation, or nested in it), else the document's date.

Claims of the same type about the same registry targets are one proposition (a group); the
analyst can join groups or split claims off into a group of their own (``GroupChoices``). In a
group, each claimant takes a position (asserts, denies or questions, from the claim's stance)
and each denier denies; a group where one party asserts and another denies is contested.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from annotator.claim_dates import document_date, parse_date, parse_iso
from annotator.model import Document, DocumentSummary, Relation, RelationLabel, Span, SpanKind
from annotator.registry import Registry

CLAIM_GROUPS_RESOURCE = "claim_groups"
DATE_LABEL = "DATE"
ASSERTING = frozenset({"asserted", "alleged", "predicted"})
DENYING = frozenset({"denied"})
UNDATED = ""  # sorts before every ISO date; groups list undated positions last (see ``date_order``)


class Position(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"
    QUESTIONS = "questions"


@dataclass(frozen=True)
class Mention:
    """A span a claim names (claimant, source, target, denier or date), with its registry entry."""

    span_id: str
    start: int
    end: int
    text: str
    label: str
    ref: str | None
    name_ar: str | None = None  # the registry entry's names, where the span is linked
    name_en: str | None = None

    @property
    def party(self) -> str:
        """Who this is, for telling parties apart: the registry id, else the text."""
        return self.ref or self.text.strip()

    @property
    def shown(self) -> str:
        return self.name_ar or self.text

    def to_json(self) -> dict[str, Any]:
        return {
            "span": self.span_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "ref": self.ref,
            "name_ar": self.name_ar,
            "name_en": self.name_en,
        }


@dataclass(frozen=True)
class Claim:
    span: Span
    document_id: str
    document_title: str
    text_sha256: str
    claimants: tuple[Mention, ...] = ()
    sources: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    deniers: tuple[Mention, ...] = ()
    date: str | None = None
    date_mention: Mention | None = None

    @property
    def id(self) -> str:
        return self.span.id

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def stance(self) -> str:
        return str(self.span.attributes.get("stance") or "")

    @property
    def claim_type(self) -> str:
        return str(self.span.attributes.get("claim_type") or "")

    @property
    def certainty(self) -> str:
        return str(self.span.attributes.get("certainty") or "")

    @property
    def proposition(self) -> str:
        """The natural group: claim type and registry targets; a claim with no linked target stands alone."""
        refs = sorted({t.ref for t in self.targets if t.ref})
        if not refs:
            return f"{self.claim_type}|claim:{self.id}"
        return f"{self.claim_type}|{'+'.join(refs)}"

    @property
    def speakers(self) -> tuple[Mention, ...]:
        """Who takes the claim's stance: its claimants, else (nobody named) those who report it."""
        return self.claimants or self.sources

    def positions(self) -> list[tuple[Position, Mention]]:
        taken: list[tuple[Position, Mention]] = []
        stance = self.stance
        if stance in ASSERTING:
            taken += [(Position.ASSERTS, m) for m in self.speakers]
        elif stance in DENYING:
            taken += [(Position.DENIES, m) for m in self.speakers]
        elif stance == "questioned":
            taken += [(Position.QUESTIONS, m) for m in self.speakers]
        taken += [(Position.DENIES, m) for m in self.deniers]
        return taken


@dataclass(frozen=True)
class Stand:
    """One party's position on a group's proposition, in one claim."""

    date: str | None
    position: Position
    party: Mention
    claim: Claim


def date_order(date: str | None) -> tuple[bool, str]:
    return (date is None, date or UNDATED)


@dataclass(frozen=True)
class ClaimGroup:
    key: str
    claims: tuple[Claim, ...]

    @property
    def claim_type(self) -> str:
        types = sorted({c.claim_type for c in self.claims})
        return types[0] if len(types) == 1 else "+".join(types)

    @property
    def targets(self) -> tuple[Mention, ...]:
        seen: dict[str, Mention] = {}
        for claim in self.claims:
            for target in claim.targets:
                seen.setdefault(target.party, target)
        return tuple(seen.values())

    def stands(self) -> list[Stand]:
        """Every position taken in the group, in order of date (undated last)."""
        found = [Stand(c.date, pos, m, c) for c in self.claims for pos, m in c.positions()]
        return sorted(found, key=lambda s: (*date_order(s.date), s.claim.document_title, s.claim.span.start))

    def parties(self, position: Position) -> list[Mention]:
        """Who takes ``position``, each once, in order of their first such stand."""
        seen: dict[str, Mention] = {}
        for stand in self.stands():
            if stand.position is position:
                seen.setdefault(stand.party.party, stand.party)
        return list(seen.values())

    @property
    def contested(self) -> bool:
        """One party asserts and another denies."""
        asserting = {m.party for m in self.parties(Position.ASSERTS)}
        denying = {m.party for m in self.parties(Position.DENIES)}
        return any(a != d for a in asserting for d in denying)

    @property
    def first_date(self) -> str | None:
        dates = sorted(c.date for c in self.claims if c.date)
        return dates[0] if dates else None


@dataclass(frozen=True)
class GroupChoices:
    """The analyst's joins and splits: claim id -> the group it is put in (stored in the project)."""

    placed: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str | None) -> GroupChoices:
        if not text:
            return cls()
        data = json.loads(text)
        placed = data.get("placed", {}) if isinstance(data, dict) else {}
        return cls({str(k): str(v) for k, v in placed.items() if isinstance(v, str)})

    def to_json(self) -> str:
        return json.dumps({"format": "hashiya-claim-groups/1", "placed": dict(sorted(self.placed.items()))})

    def key_of(self, claim: Claim) -> str:
        return self.placed.get(claim.id, claim.proposition)

    def joined(self, groups: Sequence[ClaimGroup]) -> GroupChoices:
        """Every claim of ``groups`` put in the first one."""
        if len(groups) < 2:
            return self
        key = groups[0].key
        return GroupChoices({**self.placed, **{c.id: key for g in groups for c in g.claims}})

    def split(self, claims: Iterable[Claim]) -> GroupChoices:
        """``claims`` put in a group of their own."""
        chosen = list(claims)
        if not chosen:
            return self
        key = f"split|{chosen[0].id}"
        return GroupChoices({**self.placed, **{c.id: key for c in chosen}})

    def restored(self, claims: Iterable[Claim]) -> GroupChoices:
        """``claims`` back in their natural groups."""
        gone = {c.id for c in claims}
        return GroupChoices({k: v for k, v in self.placed.items() if k not in gone})


def group_claims(claims: Iterable[Claim], choices: GroupChoices | None = None) -> list[ClaimGroup]:
    """Claims grouped by proposition (or as the analyst placed them), contested and dated first."""
    choices = choices or GroupChoices()
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(choices.key_of(claim), []).append(claim)
    groups = [
        ClaimGroup(key, tuple(sorted(members, key=lambda c: (*date_order(c.date), c.document_title, c.span.start))))
        for key, members in grouped.items()
    ]
    return sorted(groups, key=lambda g: (not g.contested, -len(g.claims), *date_order(g.first_date), g.key))


class ClaimSource(Protocol):
    """What gathering claims reads: a project (``annotator.project.Project``) has all of it."""

    registry: Registry

    def documents(self) -> list[DocumentSummary]: ...

    def document(self, document_id: str) -> Document: ...

    def spans(self, document_id: str, annotator: str | None = None) -> list[Span]: ...

    def relations(self, document_id: str, annotator: str | None = None) -> list[Relation]: ...


def mention(span: Span, registry: Registry) -> Mention:
    entry = registry.get(span.ref) if span.ref else None
    name_ar = getattr(entry, "name_ar", None) if entry is not None else None
    name_en = getattr(entry, "name_en", None) if entry is not None else None
    return Mention(span.id, span.start, span.end, span.text, span.label, span.ref, name_ar, name_en)


def claims_of_document(
    document: Document, spans: Sequence[Span], relations: Sequence[Relation], registry: Registry
) -> list[Claim]:
    """The claims of one document's layer, in reading order."""
    by_id = {span.id: span for span in spans}
    from_claim: dict[str, list[Relation]] = {}
    for relation in relations:
        from_claim.setdefault(relation.head, []).append(relation)
    fallback = document_date(document.metadata)
    dates = [s for s in spans if s.label == DATE_LABEL]
    found: list[Claim] = []
    for span in spans:
        if span.kind is not SpanKind.CLAIM:
            continue
        named: dict[str, list[Mention]] = {label.value: [] for label in RelationLabel}
        linked_dates: list[Span] = []
        for relation in from_claim.get(span.id, []):
            tail = by_id.get(relation.tail)
            if tail is None:
                continue
            if tail.label == DATE_LABEL:
                linked_dates.append(tail)
            else:
                named.setdefault(relation.label, []).append(mention(tail, registry))
        linked_dates += [d for d in dates if span.start <= d.start and d.end <= span.end and d not in linked_dates]
        date, date_mention = None, None
        for candidate in linked_dates:
            value = parse_iso(str(candidate.attributes.get("date") or "")) or parse_date(candidate.text, fallback)
            if value is not None:
                date, date_mention = value, mention(candidate, registry)
                break
        found.append(
            Claim(
                span=span,
                document_id=document.id,
                document_title=document.title,
                text_sha256=document.text_sha256,
                claimants=tuple(named[RelationLabel.CLAIMANT]),
                sources=tuple(named[RelationLabel.SOURCE]),
                targets=tuple(named[RelationLabel.TARGET]),
                deniers=tuple(named[RelationLabel.DENIED_BY]),
                date=date or fallback,
                date_mention=date_mention,
            )
        )
    return found


def gather_claims(source: ClaimSource, annotator: str) -> list[Claim]:
    """Every claim of ``annotator``'s layer over the corpus, document by document."""
    claims: list[Claim] = []
    for summary in source.documents():
        spans = source.spans(summary.id, annotator)
        if not any(span.kind is SpanKind.CLAIM for span in spans):
            continue
        document = source.document(summary.id)
        claims += claims_of_document(document, spans, source.relations(summary.id, annotator), source.registry)
    return claims


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims the ledger lists; an empty field lets every claim through."""

    entity: str = ""  # a registry id, or words of a claimant's, source's, target's or denier's text
    claim_type: str = ""
    stance: str = ""
    date_from: str = ""  # ISO prefixes: 2024 lets 2024-06-19 through
    date_to: str = ""

    def admits(self, claim: Claim) -> bool:
        if self.claim_type and claim.claim_type != self.claim_type:
            return False
        if self.stance and claim.stance != self.stance:
            return False
        if self.date_from and (claim.date is None or claim.date[: len(self.date_from)] < self.date_from):
            return False
        if self.date_to and (claim.date is None or claim.date[: len(self.date_to)] > self.date_to):
            return False
        if self.entity:
            wanted = self.entity.strip().lower()
            named = (*claim.claimants, *claim.sources, *claim.targets, *claim.deniers)
            return any(
                m.ref == wanted or any(wanted in (name or "").lower() for name in (m.text, m.name_ar, m.name_en))
                for m in named
            )
        return True

    def apply(self, claims: Iterable[Claim]) -> list[Claim]:
        return [claim for claim in claims if self.admits(claim)]
