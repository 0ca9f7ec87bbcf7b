"""The registry: canonical entities and treaties that spans link to.

The seeded registry ships as ``resources/registry.json``. All values are immutable; the
editing methods of :class:`Registry` return a new, validated registry.

Aliases are surface forms as they are written in the texts, without the proclitics
و ف ب ل ك but with the article ال where the name carries it (الولايات المتحدة). Each alias
records its ``form``:

- ``name``: a full or official name (فلاديمير بوتين، جمهورية كوريا الديمقراطية الشعبية);
- ``short``: part of a name or a short name standing for the whole (بوتين، كيم، الناتو);
- ``adjective``: an adjectival (nisba) form (الروسي، الكورية الشمالية، الأممية).

Nationality adjectives belong to NORP entries of their own (``russians``: الروسي، الروسية...),
because annotators tag them NORP; a NORP entry names its country in ``related``. Adjectives
of an organisation (الأممية for the United Nations) stay on the organisation.

An alias is ``attested`` when it occurs in the texts the registry was built from (for the
seeded registry: the sample corpus, where an alias carrying ال also counts when written after
the preposition ل as لل...). Reference forms that do not occur there, such as the official
name of a treaty or a spelling common elsewhere, have ``attested`` false.

Every entry's Arabic name is also one of its aliases, so the aliases alone are the complete
list of surface forms to look for.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from annotator.resources import resource_path
from annotator.schema import dumps_readable, is_instance, is_iso_date

REGISTRY_FORMAT = "hashiya-registry/1"
DEFAULT_REGISTRY_RESOURCE = "registry.json"

Fold = Callable[[str], str]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_QID = re.compile(r"Q[1-9][0-9]*")


def casefold(text: str) -> str:
    """The default folding for :meth:`Registry.find`: Unicode case folding only."""
    return text.casefold()


class RegistryError(ValueError):
    """A registry that cannot be used, or an edit that would break one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("invalid registry: " + "; ".join(self.problems))


class EntityType(StrEnum):
    """The entity labels of the schema that name registry entities."""

    PER = "PER"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    FAC = "FAC"
    NORP = "NORP"


class AliasForm(StrEnum):
    NAME = "name"
    SHORT = "short"
    ADJECTIVE = "adjective"


@dataclass(frozen=True)
class Alias:
    text: str
    form: AliasForm = AliasForm.NAME
    attested: bool = True


@dataclass(frozen=True)
class Entity:
    id: str
    type: EntityType
    name_ar: str
    aliases: tuple[Alias, ...]
    name_en: str | None = None
    wikidata: str | None = None
    related: tuple[str, ...] = ()
    note: str = ""

    @property
    def alias_texts(self) -> tuple[str, ...]:
        return tuple(alias.text for alias in self.aliases)

    def names(self) -> tuple[str, ...]:
        """Every name a search looks at: the aliases (which include the Arabic name) and the English name."""
        return (*self.alias_texts, *([self.name_en] if self.name_en else []))

    def with_alias(self, alias: Alias | str) -> Entity:
        """This entity with one more alias (unchanged if it already has that text)."""
        return dataclasses.replace(self, aliases=_add_alias(self.aliases, alias))


@dataclass(frozen=True)
class TreatyArticle:
    number: int
    summary: str


@dataclass(frozen=True)
class Treaty:
    id: str
    name_ar: str
    name_en: str
    date: str
    parties: tuple[str, ...]
    articles: tuple[TreatyArticle, ...]
    aliases: tuple[Alias, ...]
    note: str = ""

    @property
    def alias_texts(self) -> tuple[str, ...]:
        return tuple(alias.text for alias in self.aliases)

    def names(self) -> tuple[str, ...]:
        return (*self.alias_texts, self.name_en)

    def article(self, number: int) -> TreatyArticle:
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(f"the treaty {self.id} has no article {number} in the registry")

    def with_alias(self, alias: Alias | str) -> Treaty:
        return dataclasses.replace(self, aliases=_add_alias(self.aliases, alias))


Entry = Entity | Treaty


@dataclass(frozen=True)
class Registry:
    version: int
    entities: tuple[Entity, ...] = ()
    treaties: tuple[Treaty, ...] = ()

    # -- lookup ---------------------------------------------------------------------------------

    def entity(self, entity_id: str) -> Entity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(f"the registry has no entity {entity_id!r}")

    def treaty(self, treaty_id: str) -> Treaty:
        for treaty in self.treaties:
            if treaty.id == treaty_id:
                return treaty
        raise KeyError(f"the registry has no treaty {treaty_id!r}")

    def get(self, entry_id: str) -> Entry | None:
        """The entity or treaty with this id, or None."""
        for entry in self.entries():
            if entry.id == entry_id:
                return entry
        return None

    def __contains__(self, entry_id: object) -> bool:
        return isinstance(entry_id, str) and self.get(entry_id) is not None

    def entries(self) -> tuple[Entry, ...]:
        return (*self.entities, *self.treaties)

    def entity_ids(self) -> frozenset[str]:
        return frozenset(entity.id for entity in self.entities)

    def treaty_ids(self) -> frozenset[str]:
        return frozenset(treaty.id for treaty in self.treaties)

    def find(
        self,
        query: str,
        fold: Fold = casefold,
        *,
        types: Iterable[EntityType] | None = None,
        treaties: bool = True,
    ) -> list[Entry]:
        """Entries one of whose folded names contains the folded ``query``.

        Names are the aliases (Arabic name included) and the English name. Exact matches come
        first, then names starting with the query, then the rest, each group in registry order.
        A blank query matches every entry. ``types`` keeps only entities of those types (and
        no treaties); ``treaties=False`` leaves treaties out.
        """
        wanted = fold(query.strip())
        allowed = frozenset(types) if types is not None else None
        candidates: list[Entry] = [entity for entity in self.entities if allowed is None or entity.type in allowed]
        if treaties and allowed is None:
            candidates.extend(self.treaties)
        ranked: list[tuple[int, int, Entry]] = []
        for position, entry in enumerate(candidates):
            best: int | None = None
            for name in entry.names():
                folded = fold(name)
                if folded == wanted:
                    rank = 0
                elif folded.startswith(wanted):
                    rank = 1
                elif wanted in folded:
                    rank = 2
                else:
                    continue
                best = rank if best is None else min(best, rank)
            if best is not None:
                ranked.append((best, position, entry))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [entry for _, _, entry in ranked]

    def find_exact(self, surface: str, fold: Fold = casefold) -> list[Entry]:
        """Entries one of whose folded names equals the folded ``surface`` (for linking a span)."""
        wanted = fold(surface.strip())
        return [entry for entry in self.entries() if any(fold(name) == wanted for name in entry.names())]

    def exact_link(self, surface: str, label: str) -> str | None:
        """The one entry that ``surface`` names exactly (a name or alias) and that fits ``label``, if just one does.

        A span tagged by hand on فلاديمير بوتين as PER is linked to vladimir-putin, as an accepted
        suggestion would be; a name two entries share links neither."""
        fitting = [
            entry
            for entry in self.find_exact(surface)
            if (isinstance(entry, Entity) and entry.type.value == label)
            or (isinstance(entry, Treaty) and label == "TREATY_REF")
        ]
        return fitting[0].id if len(fitting) == 1 else None

    # -- editing (each returns a new, validated registry) ------------------------------------

    def add_entity(self, entity: Entity) -> Registry:
        if entity.id in self:
            raise RegistryError([f"the id {entity.id!r} is already in the registry"])
        return self._checked(dataclasses.replace(self, entities=(*self.entities, entity)))

    def replace_entity(self, entity: Entity) -> Registry:
        self.entity(entity.id)
        entities = tuple(entity if old.id == entity.id else old for old in self.entities)
        return self._checked(dataclasses.replace(self, entities=entities))

    def remove_entity(self, entity_id: str) -> Registry:
        self.entity(entity_id)
        entities = tuple(entity for entity in self.entities if entity.id != entity_id)
        return self._checked(dataclasses.replace(self, entities=entities))

    def add_treaty(self, treaty: Treaty) -> Registry:
        if treaty.id in self:
            raise RegistryError([f"the id {treaty.id!r} is already in the registry"])
        return self._checked(dataclasses.replace(self, treaties=(*self.treaties, treaty)))

    def replace_treaty(self, treaty: Treaty) -> Registry:
        self.treaty(treaty.id)
        treaties = tuple(treaty if old.id == treaty.id else old for old in self.treaties)
        return self._checked(dataclasses.replace(self, treaties=treaties))

    def remove_treaty(self, treaty_id: str) -> Registry:
        self.treaty(treaty_id)
        return self._checked(
            dataclasses.replace(self, treaties=tuple(treaty for treaty in self.treaties if treaty.id != treaty_id))
        )

    def add_alias(self, entry_id: str, alias: Alias | str) -> Registry:
        """A registry in which the entity or treaty ``entry_id`` has one more alias."""
        entry = self.get(entry_id)
        if isinstance(entry, Entity):
            return self.replace_entity(entry.with_alias(alias))
        if isinstance(entry, Treaty):
            return self.replace_treaty(entry.with_alias(alias))
        raise KeyError(f"the registry has no entry {entry_id!r}")

    @staticmethod
    def _checked(registry: Registry) -> Registry:
        problems = registry.validate()
        if problems:
            raise RegistryError(problems)
        return registry

    # -- validity -------------------------------------------------------------------------------

    def validate(self) -> list[str]:
        """Every problem with this registry, as readable sentences; empty when it is usable."""
        problems: list[str] = []
        if isinstance(self.version, bool) or not isinstance(self.version, int) or self.version < 1:
            problems.append(f"the registry version must be a positive integer, not {self.version!r}")
        seen: set[str] = set()
        for entry in self.entries():
            what = "entity" if isinstance(entry, Entity) else "treaty"
            if not _ID.fullmatch(entry.id):
                problems.append(f"{what} {entry.id!r}: an id is lower-case letters and digits joined by single hyphens")
            if entry.id in seen:
                problems.append(f"duplicate id {entry.id!r}")
            seen.add(entry.id)
        entity_ids = self.entity_ids()
        for entity in self.entities:
            where = f"entity {entity.id!r}"
            if not is_instance(entity.type, EntityType):
                expected = ", ".join(item.value for item in EntityType)
                problems.append(f"{where}: unknown type {entity.type!r} (expected one of: {expected})")
            problems.extend(_alias_problems(where, entity.name_ar, entity.aliases))
            if entity.name_en is not None and not entity.name_en.strip():
                problems.append(f"{where}: the English name is blank (use null for none)")
            if entity.wikidata is not None and not _QID.fullmatch(entity.wikidata):
                problems.append(f"{where}: {entity.wikidata!r} is not a Wikidata id (Q followed by digits)")
            for other in entity.related:
                if other == entity.id:
                    problems.append(f"{where}: an entity is not related to itself")
                elif other not in entity_ids:
                    problems.append(f"{where}: the related entity {other!r} is not in the registry")
        for treaty in self.treaties:
            where = f"treaty {treaty.id!r}"
            problems.extend(_alias_problems(where, treaty.name_ar, treaty.aliases))
            if not treaty.name_en.strip():
                problems.append(f"{where}: the English name is empty")
            if not is_iso_date(treaty.date):
                problems.append(f"{where}: date {treaty.date!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
            for party in treaty.parties:
                if party not in entity_ids:
                    problems.append(f"{where}: the party {party!r} is not an entity in the registry")
            if len(set(treaty.parties)) != len(treaty.parties):
                problems.append(f"{where}: a party is listed twice")
            numbers = [article.number for article in treaty.articles]
            if len(set(numbers)) != len(numbers):
                problems.append(f"{where}: an article number is listed twice")
            for article in treaty.articles:
                if isinstance(article.number, bool) or not isinstance(article.number, int) or article.number < 1:
                    problems.append(f"{where}: article number {article.number!r} is not a positive integer")
                if not article.summary.strip():
                    problems.append(f"{where}: article {article.number} has no summary")
        return problems

    # -- serialisation --------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REGISTRY_FORMAT,
            "version": self.version,
            "entities": [_entity_to_dict(entity) for entity in self.entities],
            "treaties": [_treaty_to_dict(treaty) for treaty in self.treaties],
        }

    def to_json(self) -> str:
        """Deterministic, human-readable JSON (UTF-8 Arabic, not escaped), ending with a newline."""
        return dumps_readable(self.to_dict())

    @classmethod
    def from_dict(cls, data: object) -> Registry:
        """Build and validate a registry; raise :class:`RegistryError` listing every problem."""
        reader = _Reader()
        registry = reader.registry(data)
        problems = reader.problems
        if registry is not None:
            problems = problems + registry.validate()
        if problems or registry is None:
            raise RegistryError(problems or ["the registry could not be read"])
        return registry

    @classmethod
    def from_json(cls, text: str) -> Registry:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise RegistryError([f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]) from None
        return cls.from_dict(data)


def load_default_registry() -> Registry:
    """The seeded registry shipped in ``resources/registry.json``."""
    return Registry.from_json(resource_path(DEFAULT_REGISTRY_RESOURCE).read_text(encoding="utf-8"))


# -- helpers ----------------------------------------------------------------------------------


def _add_alias(aliases: tuple[Alias, ...], alias: Alias | str) -> tuple[Alias, ...]:
    new = Alias(alias) if isinstance(alias, str) else alias
    if any(existing.text == new.text for existing in aliases):
        return aliases
    return (*aliases, new)


def _alias_problems(where: str, name_ar: str, aliases: tuple[Alias, ...]) -> list[str]:
    problems: list[str] = []
    if not name_ar.strip():
        problems.append(f"{where}: the Arabic name is empty")
    if not aliases:
        problems.append(f"{where}: it has no aliases")
    texts = [alias.text for alias in aliases]
    for text in texts:
        if not text.strip():
            problems.append(f"{where}: an alias is empty")
        elif text != text.strip() or "  " in text:
            problems.append(f"{where}: the alias {text!r} has stray spaces")
    duplicates = sorted({text for text in texts if texts.count(text) > 1})
    if duplicates:
        problems.append(f"{where}: duplicate aliases {', '.join(duplicates)}")
    if name_ar.strip() and name_ar not in texts:
        problems.append(f"{where}: the Arabic name {name_ar!r} must also be one of its aliases")
    for alias in aliases:
        if not is_instance(alias.form, AliasForm):
            expected = ", ".join(item.value for item in AliasForm)
            problems.append(
                f"{where}: alias {alias.text!r} has unknown form {alias.form!r} (expected one of: {expected})"
            )
    return problems


def _alias_to_dict(alias: Alias) -> dict[str, Any]:
    return {"text": alias.text, "form": alias.form.value, "attested": alias.attested}


def _entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type.value,
        "name_ar": entity.name_ar,
        "name_en": entity.name_en,
        "wikidata": entity.wikidata,
        "related": list(entity.related),
        "note": entity.note,
        "aliases": [_alias_to_dict(alias) for alias in entity.aliases],
    }


def _treaty_to_dict(treaty: Treaty) -> dict[str, Any]:
    return {
        "id": treaty.id,
        "name_ar": treaty.name_ar,
        "name_en": treaty.name_en,
        "date": treaty.date,
        "parties": list(treaty.parties),
        "note": treaty.note,
        "articles": [{"number": article.number, "summary": article.summary} for article in treaty.articles],
        "aliases": [_alias_to_dict(alias) for alias in treaty.aliases],
    }


class _Reader:
    """Turns parsed JSON into registry objects, collecting type problems instead of raising."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def _object(self, where: str, data: object, required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
        if not isinstance(data, dict):
            self.problems.append(f"{where}: expected an object, found {type(data).__name__}")
            return False
        for key in required:
            if key not in data:
                self.problems.append(f"{where}: missing {key!r}")
        for key in sorted(data):
            if key not in required and key not in optional:
                self.problems.append(f"{where}: unknown field {key!r}")
        return all(key in data for key in required)

    def _str(self, where: str, value: object) -> str:
        if not isinstance(value, str):
            self.problems.append(f"{where}: expected a string, found {type(value).__name__}")
            return ""
        return value

    def _optional_str(self, where: str, value: object) -> str | None:
        return None if value is None else self._str(where, value)

    def _list(self, where: str, value: object) -> list[object]:
        if not isinstance(value, list):
            self.problems.append(f"{where}: expected a list, found {type(value).__name__}")
            return []
        return value

    def _strings(self, where: str, value: object) -> tuple[str, ...]:
        return tuple(self._str(where, item) for item in self._list(where, value))

    def registry(self, data: object) -> Registry | None:
        if not self._object("registry", data, ("format", "version"), ("entities", "treaties")):
            return None
        assert isinstance(data, dict)
        if data["format"] != REGISTRY_FORMAT:
            self.problems.append(f"registry: unknown format {data['format']!r} (expected {REGISTRY_FORMAT!r})")
        version = data["version"]
        if isinstance(version, bool) or not isinstance(version, int):
            self.problems.append(f"registry: the version must be an integer, not {version!r}")
            version = 0
        entities = [self.entity(item) for item in self._list("registry, entities", data.get("entities", []))]
        treaties = [self.treaty(item) for item in self._list("registry, treaties", data.get("treaties", []))]
        return Registry(
            version=version,
            entities=tuple(entity for entity in entities if entity is not None),
            treaties=tuple(treaty for treaty in treaties if treaty is not None),
        )

    def _where(self, what: str, data: object) -> str:
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            return f"{what} {data['id']!r}"
        return what

    def aliases(self, where: str, value: object) -> tuple[Alias, ...]:
        aliases: list[Alias] = []
        for item in self._list(f"{where}, aliases", value):
            if isinstance(item, str):
                aliases.append(Alias(item))
                continue
            if not self._object(f"{where}, alias", item, ("text",), ("form", "attested")):
                continue
            assert isinstance(item, dict)
            text = self._str(f"{where}, alias", item["text"])
            try:
                form = AliasForm(item.get("form", AliasForm.NAME.value))
            except ValueError:
                expected = ", ".join(form.value for form in AliasForm)
                self.problems.append(
                    f"{where}: alias {text!r} has unknown form {item['form']!r} (expected one of: {expected})"
                )
                continue
            attested = item.get("attested", True)
            if not isinstance(attested, bool):
                self.problems.append(f"{where}: alias {text!r}: attested must be true or false")
                attested = True
            aliases.append(Alias(text, form, attested))
        return tuple(aliases)

    def entity(self, data: object) -> Entity | None:
        where = self._where("entity", data)
        optional = ("name_en", "wikidata", "related", "note", "aliases")
        if not self._object(where, data, ("id", "type", "name_ar"), optional):
            return None
        assert isinstance(data, dict)
        try:
            entity_type = EntityType(data["type"])
        except ValueError:
            expected = ", ".join(item.value for item in EntityType)
            self.problems.append(f"{where}: unknown type {data['type']!r} (expected one of: {expected})")
            return None
        return Entity(
            id=self._str(f"{where}, id", data["id"]),
            type=entity_type,
            name_ar=self._str(f"{where}, name_ar", data["name_ar"]),
            aliases=self.aliases(where, data.get("aliases", [])),
            name_en=self._optional_str(f"{where}, name_en", data.get("name_en")),
            wikidata=self._optional_str(f"{where}, wikidata", data.get("wikidata")),
            related=self._strings(f"{where}, related", data.get("related", [])),
            note=self._str(f"{where}, note", data.get("note", "")),
        )

    def treaty(self, data: object) -> Treaty | None:
        where = self._where("treaty", data)
        required = ("id", "name_ar", "name_en", "date")
        if not self._object(where, data, required, ("parties", "note", "articles", "aliases")):
            return None
        assert isinstance(data, dict)
        articles: list[TreatyArticle] = []
        for item in self._list(f"{where}, articles", data.get("articles", [])):
            if not self._object(f"{where}, article", item, ("number", "summary"), ()):
                continue
            assert isinstance(item, dict)
            number = item["number"]
            if isinstance(number, bool) or not isinstance(number, int):
                self.problems.append(f"{where}: article number {number!r} is not an integer")
                continue
            articles.append(TreatyArticle(number, self._str(f"{where}, article {number}", item["summary"])))
        return Treaty(
            id=self._str(f"{where}, id", data["id"]),
            name_ar=self._str(f"{where}, name_ar", data["name_ar"]),
            name_en=self._str(f"{where}, name_en", data["name_en"]),
            date=self._str(f"{where}, date", data["date"]),
            parties=self._strings(f"{where}, parties", data.get("parties", [])),
            articles=tuple(articles),
            aliases=self.aliases(where, data.get("aliases", [])),
            note=self._str(f"{where}, note", data.get("note", "")),
        )
