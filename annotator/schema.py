"""The annotation schema: span labels, their attributes, and relation labels.

The default schema (DESIGN.md section 4) ships as ``resources/schema.json`` and each project may
edit its own copy. Everything here is immutable: change a schema with ``dataclasses.replace``
and check the result with :meth:`Schema.validate`.

Hotkeys are single characters, compared case-insensitively, and unique across span labels *and*
relation labels, so that one key never means two things whichever pane has the focus. The
default keys are:

- entities: ``p`` PER, ``o`` ORG, ``g`` GPE, ``l`` LOC, ``f`` FAC, ``n`` NORP, ``d`` DATE,
  ``e`` EVENT, ``w`` WEAPON, ``q`` QUANTITY;
- ``c`` CLAIM, ``t`` TREATY_REF;
- relations: ``a`` CLAIMANT, ``s`` SOURCE, ``r`` TARGET, ``x`` DENIED_BY, ``y`` PARTY.

Colours are ``#rrggbb``. The default span colours come from Paul Tol's "muted" scheme and the
Okabe-Ito palette, both designed to stay distinguishable under the common forms of colour
blindness; they are mid-tone so that they read as an underline at full strength and as a
background highlight when drawn with transparency behind black text.

Attribute values are strings or ``None``. An attribute has one of four types: ``choice`` (one of
a fixed list of values), ``text`` (free text), ``iso_date`` (ISO 8601 calendar date: ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``) and ``treaty_id`` (the id of a treaty in the registry).
``None`` means "not filled in" and is accepted for every type except ``choice``.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from annotator.model import SpanKind
from annotator.resources import resource_path

SCHEMA_FORMAT = "hashiya-schema/1"
DEFAULT_SCHEMA_RESOURCE = "schema.json"

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_LABEL_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9_]*")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class SchemaError(ValueError):
    """A schema that cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("invalid schema: " + "; ".join(self.problems))


class AttributeType(StrEnum):
    CHOICE = "choice"
    TEXT = "text"
    ISO_DATE = "iso_date"
    TREATY_ID = "treaty_id"


@dataclass(frozen=True)
class Choice:
    """One allowed value of a ``choice`` attribute, with its display names."""

    value: str
    display_en: str
    display_ar: str


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    type: AttributeType
    display_en: str
    display_ar: str
    choices: tuple[Choice, ...] = ()
    default: str | None = None
    description: str = ""

    @property
    def values(self) -> tuple[str, ...]:
        """The allowed values of a ``choice`` attribute (empty for the other types)."""
        return tuple(choice.value for choice in self.choices)


@dataclass(frozen=True)
class Label:
    """A span label."""

    name: str
    kind: SpanKind
    colour: str
    hotkey: str
    display_en: str
    display_ar: str
    attributes: tuple[AttributeSpec, ...] = ()
    description: str = ""

    def attribute(self, name: str) -> AttributeSpec:
        for spec in self.attributes:
            if spec.name == name:
                return spec
        raise KeyError(f"the label {self.name} has no attribute {name!r}")

    def defaults(self) -> dict[str, str | None]:
        """The attribute values a new span of this label starts with."""
        return {spec.name: spec.default for spec in self.attributes}


@dataclass(frozen=True)
class RelationSpec:
    """A relation label: which kinds of span it may join, from head to tail."""

    name: str
    colour: str
    hotkey: str
    display_en: str
    display_ar: str
    head_kinds: tuple[SpanKind, ...]
    tail_kinds: tuple[SpanKind, ...]
    description: str = ""


@dataclass(frozen=True)
class Schema:
    version: int
    name: str
    labels: tuple[Label, ...]
    relations: tuple[RelationSpec, ...] = ()

    # -- lookup ---------------------------------------------------------------------------------

    def label(self, name: str) -> Label:
        for label in self.labels:
            if label.name == name:
                return label
        raise KeyError(f"the schema has no label {name!r}")

    def has_label(self, name: str) -> bool:
        return any(label.name == name for label in self.labels)

    def relation(self, name: str) -> RelationSpec:
        for relation in self.relations:
            if relation.name == name:
                return relation
        raise KeyError(f"the schema has no relation label {name!r}")

    def labels_of_kind(self, kind: SpanKind) -> tuple[Label, ...]:
        return tuple(label for label in self.labels if label.kind == kind)

    def by_hotkey(self, key: str) -> Label | RelationSpec | None:
        """The span or relation label bound to ``key`` (compared case-insensitively)."""
        wanted = key.casefold()
        items: tuple[Label | RelationSpec, ...] = (*self.labels, *self.relations)
        for item in items:
            if item.hotkey.casefold() == wanted:
                return item
        return None

    # -- checking values against the schema -----------------------------------------------------

    def validate_attributes(
        self,
        label: Label | str,
        attrs: Mapping[str, object],
        treaty_ids: Collection[str] | None = None,
    ) -> list[str]:
        """The problems with ``attrs`` as the attributes of a span labelled ``label``.

        Missing attributes are not problems (they take their defaults). ``treaty_ids``, when
        given, is the set of registry treaty ids a ``treaty_id`` attribute may name.
        """
        if isinstance(label, str):
            if not self.has_label(label):
                return [f"unknown label {label!r}"]
            label = self.label(label)
        problems: list[str] = []
        known = {spec.name: spec for spec in label.attributes}
        for key in sorted(attrs):
            if key not in known:
                allowed = ", ".join(known) or "none"
                problems.append(f"{label.name}: unknown attribute {key!r} (allowed: {allowed})")
                continue
            problem = _value_problem(known[key], attrs[key], treaty_ids)
            if problem:
                problems.append(f"{label.name}: attribute {key!r} {problem}")
        return problems

    def with_defaults(self, label: Label | str, attrs: Mapping[str, object]) -> dict[str, object]:
        """``attrs`` completed with the label's defaults for every attribute it lacks."""
        spec = self.label(label) if isinstance(label, str) else label
        completed: dict[str, object] = dict(spec.defaults())
        completed.update(attrs)
        return completed

    def validate_relation(self, name: str, head_kind: SpanKind | str, tail_kind: SpanKind | str) -> list[str]:
        """The problems with a relation ``name`` from a span of ``head_kind`` to one of ``tail_kind``."""
        try:
            relation = self.relation(name)
        except KeyError:
            return [f"unknown relation label {name!r}"]
        problems: list[str] = []
        if head_kind not in relation.head_kinds:
            problems.append(
                f"{name}: the head must be a span of kind {_or_list(relation.head_kinds)}, not {str(head_kind)!r}"
            )
        if tail_kind not in relation.tail_kinds:
            problems.append(
                f"{name}: the tail must be a span of kind {_or_list(relation.tail_kinds)}, not {str(tail_kind)!r}"
            )
        return problems

    # -- validity of the schema itself ----------------------------------------------------------

    def validate(self) -> list[str]:
        """Every problem with this schema, as readable sentences; empty when it is usable."""
        problems: list[str] = []
        if isinstance(self.version, bool) or not isinstance(self.version, int) or self.version < 1:
            problems.append(f"the schema version must be a positive integer, not {self.version!r}")
        if not self.labels:
            problems.append("the schema has no labels")
        seen_names: dict[str, str] = {}
        for label in self.labels:
            where = f"label {label.name!r}"
            problems.extend(_name_problems(where, label.name, _LABEL_NAME, "upper-case letters, digits and _"))
            if label.name in seen_names:
                problems.append(f"duplicate label {label.name!r}")
            seen_names.setdefault(label.name, "label")
            if not is_instance(label.kind, SpanKind):
                problems.append(f"{where}: unknown kind {label.kind!r} (expected one of: {_kinds()})")
            problems.extend(_common_problems(where, label.colour, label.display_en, label.display_ar))
            seen_attributes: set[str] = set()
            for spec in label.attributes:
                if spec.name in seen_attributes:
                    problems.append(f"{where}: duplicate attribute {spec.name!r}")
                seen_attributes.add(spec.name)
                problems.extend(_attribute_problems(where, spec))
        for relation in self.relations:
            where = f"relation {relation.name!r}"
            problems.extend(_name_problems(where, relation.name, _LABEL_NAME, "upper-case letters, digits and _"))
            if seen_names.get(relation.name) == "label":
                problems.append(f"{where}: the name is already used by a span label")
            elif relation.name in seen_names:
                problems.append(f"duplicate relation {relation.name!r}")
            seen_names.setdefault(relation.name, "relation")
            problems.extend(_common_problems(where, relation.colour, relation.display_en, relation.display_ar))
            for end, kinds in (("head", relation.head_kinds), ("tail", relation.tail_kinds)):
                if not kinds:
                    problems.append(f"{where}: no {end} kinds are allowed")
                for kind in kinds:
                    if not is_instance(kind, SpanKind):
                        problems.append(f"{where}: unknown {end} kind {kind!r} (expected one of: {_kinds()})")
        problems.extend(_hotkey_problems(self))
        return problems

    # -- serialisation --------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": SCHEMA_FORMAT,
            "version": self.version,
            "name": self.name,
            "labels": [_label_to_dict(label) for label in self.labels],
            "relations": [_relation_to_dict(relation) for relation in self.relations],
        }

    def to_json(self) -> str:
        """Deterministic, human-readable JSON (UTF-8 Arabic, not escaped), ending with a newline."""
        return dumps_readable(self.to_dict())

    @classmethod
    def from_dict(cls, data: object) -> Schema:
        """Build and validate a schema; raise :class:`SchemaError` listing every problem."""
        reader = _Reader()
        schema = reader.schema(data)
        problems = reader.problems
        if schema is not None:
            problems = problems + schema.validate()
        if problems or schema is None:
            raise SchemaError(problems or ["the schema could not be read"])
        return schema

    @classmethod
    def from_json(cls, text: str) -> Schema:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise SchemaError([f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]) from None
        return cls.from_dict(data)


def load_default_schema() -> Schema:
    """The default schema shipped in ``resources/schema.json``."""
    return Schema.from_json(resource_path(DEFAULT_SCHEMA_RESOURCE).read_text(encoding="utf-8"))


# -- JSON layout ------------------------------------------------------------------------------


def dumps_readable(value: object, width: int = 100) -> str:
    """Indented JSON in which small flat objects and lists stay on one line.

    Deterministic (keys keep their insertion order), non-ASCII text written as is, and a final
    newline. ``json.loads`` of the result gives back ``value``.
    """
    return _dump(value, 0, width) + "\n"


def _dump(value: object, level: int, width: int) -> str:
    flat = json.dumps(value, ensure_ascii=False, allow_nan=False)
    items: list[object]
    if isinstance(value, dict):
        items = list(value.values())
    elif isinstance(value, list):
        items = list(value)
    else:
        return flat
    if not items:
        return flat
    if not any(isinstance(item, dict | list) for item in items) and len(flat) + 2 * level <= width:
        return flat
    pad = "  " * (level + 1)
    if isinstance(value, dict):
        lines = [
            f"{pad}{json.dumps(key, ensure_ascii=False)}: {_dump(item, level + 1, width)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(lines) + "\n" + "  " * level + "}"
    lines = [f"{pad}{_dump(item, level + 1, width)}" for item in items]
    return "[\n" + ",\n".join(lines) + "\n" + "  " * level + "]"


# -- helpers ----------------------------------------------------------------------------------


def is_instance(value: object, cls: type[object]) -> bool:
    """``isinstance`` for fields whose declared type the caller may not have respected.

    Objects built in code are not type-checked at run time, so validation looks again; going
    through this function keeps the type checker from calling those checks unreachable.
    """
    return isinstance(value, cls)


def _kinds() -> str:
    return ", ".join(kind.value for kind in SpanKind)


def _or_list(kinds: Collection[SpanKind]) -> str:
    return " or ".join(repr(kind.value) for kind in kinds)


def is_iso_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, naming a real calendar date."""
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _value_problem(spec: AttributeSpec, value: object, treaty_ids: Collection[str] | None) -> str | None:
    if value is None:  # unset: the analyst has not said (a new claim's stance, type and certainty)
        return None
    if not isinstance(value, str):
        return f"must be a string, not {type(value).__name__}"
    if spec.type == AttributeType.CHOICE:
        if value not in spec.values:
            return f"has value {value!r}, expected one of {', '.join(spec.values)}"
    elif spec.type == AttributeType.ISO_DATE:
        if not is_iso_date(value):
            return f"has value {value!r}, which is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
    elif spec.type == AttributeType.TREATY_ID:
        if not value.strip():
            return "is blank (use null for an unknown treaty)"
        if treaty_ids is not None and value not in treaty_ids:
            return f"names {value!r}, which is not a treaty in the registry"
    return None


def _name_problems(where: str, name: object, pattern: re.Pattern[str], rule: str) -> list[str]:
    if not isinstance(name, str) or not pattern.fullmatch(name):
        return [f"{where}: the name must be made of {rule}, starting with a letter"]
    return []


def _common_problems(where: str, colour: str, display_en: str, display_ar: str) -> list[str]:
    problems: list[str] = []
    if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
        problems.append(f"{where}: colour {colour!r} is not of the form #rrggbb")
    if not display_en.strip():
        problems.append(f"{where}: the English display name is empty")
    if not display_ar.strip():
        problems.append(f"{where}: the Arabic display name is empty")
    return problems


def _attribute_problems(where: str, spec: AttributeSpec) -> list[str]:
    here = f"{where}, attribute {spec.name!r}"
    problems = _name_problems(here, spec.name, _ATTRIBUTE_NAME, "lower-case letters, digits and _")
    if not is_instance(spec.type, AttributeType):
        expected = ", ".join(kind.value for kind in AttributeType)
        problems.append(f"{here}: unknown type {spec.type!r} (expected one of: {expected})")
        return problems
    if not spec.display_en.strip() or not spec.display_ar.strip():
        problems.append(f"{here}: a display name is empty")
    values = spec.values
    if spec.type == AttributeType.CHOICE:
        if not values:
            problems.append(f"{here}: a choice attribute needs at least one allowed value")
        duplicates = sorted({value for value in values if values.count(value) > 1})
        if duplicates:
            problems.append(f"{here}: duplicate values {', '.join(duplicates)}")
        if any(not value.strip() for value in values):
            problems.append(f"{here}: an allowed value is empty")
        if spec.default is not None and spec.default not in values:
            problems.append(f"{here}: default {spec.default!r} is not one of its values ({', '.join(values)})")
    else:
        if values:
            problems.append(f"{here}: only choice attributes have a list of values")
        if spec.default is not None:
            problem = _value_problem(spec, spec.default, None)
            if problem:
                problems.append(f"{here}: the default {problem}")
    return problems


# The text view's own one-key commands (Edit menu): a label or relation given one of them would never be reached.
BUILT_IN_KEYS = {"]": "Extend Span by a Word", "[": "Shrink Span by a Word", "=": "Resize Span to Selection"}


def built_in_key_problems(schema: Schema) -> list[str]:
    """A label or relation whose hotkey is one of the built-in keys, refused like a clash between labels."""
    items: list[Label | RelationSpec] = [*schema.labels, *schema.relations]
    return [
        f"hotkey {item.hotkey!r} clash: it is the built-in key of {BUILT_IN_KEYS[item.hotkey]}, not for {item.name}"
        for item in items
        if item.hotkey in BUILT_IN_KEYS
    ]


def _hotkey_problems(schema: Schema) -> list[str]:
    problems: list[str] = []
    owners: dict[str, str] = {}
    for kind, item in [("label", label) for label in schema.labels] + [
        ("relation", relation) for relation in schema.relations
    ]:
        key = item.hotkey
        if not isinstance(key, str) or len(key) != 1 or not key.isprintable() or key.isspace():
            problems.append(f"{kind} {item.name!r}: hotkey {key!r} must be a single visible character")
            continue
        folded = key.casefold()
        if folded in owners:
            problems.append(f"hotkey {key!r} clash: it is used by both {owners[folded]} and {item.name}")
        else:
            owners[folded] = item.name
    return problems


def _choice_to_dict(choice: Choice) -> dict[str, Any]:
    return {"value": choice.value, "en": choice.display_en, "ar": choice.display_ar}


def _attribute_to_dict(spec: AttributeSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "type": spec.type.value,
        "display": {"en": spec.display_en, "ar": spec.display_ar},
        "values": [_choice_to_dict(choice) for choice in spec.choices],
        "default": spec.default,
        "description": spec.description,
    }


def _label_to_dict(label: Label) -> dict[str, Any]:
    return {
        "name": label.name,
        "kind": label.kind.value,
        "colour": label.colour,
        "hotkey": label.hotkey,
        "display": {"en": label.display_en, "ar": label.display_ar},
        "description": label.description,
        "attributes": [_attribute_to_dict(spec) for spec in label.attributes],
    }


def _relation_to_dict(relation: RelationSpec) -> dict[str, Any]:
    return {
        "name": relation.name,
        "colour": relation.colour,
        "hotkey": relation.hotkey,
        "display": {"en": relation.display_en, "ar": relation.display_ar},
        "description": relation.description,
        "head_kinds": [kind.value for kind in relation.head_kinds],
        "tail_kinds": [kind.value for kind in relation.tail_kinds],
    }


class _Reader:
    """Turns parsed JSON into schema objects, collecting type problems instead of raising."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def _object(self, where: str, data: object, required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
        if not isinstance(data, dict):
            self.problems.append(f"{where}: expected an object, found {type(data).__name__}")
            return False
        missing = [key for key in required if key not in data]
        unknown = sorted(key for key in data if key not in required and key not in optional)
        for key in missing:
            self.problems.append(f"{where}: missing {key!r}")
        for key in unknown:
            self.problems.append(f"{where}: unknown field {key!r}")
        return not missing

    def _str(self, where: str, value: object) -> str:
        if not isinstance(value, str):
            self.problems.append(f"{where}: expected a string, found {type(value).__name__}")
            return ""
        return value

    def _list(self, where: str, value: object) -> list[object]:
        if not isinstance(value, list):
            self.problems.append(f"{where}: expected a list, found {type(value).__name__}")
            return []
        return value

    def _display(self, where: str, value: object, fallback: str) -> tuple[str, str]:
        if value is None:
            return fallback, fallback
        if not self._object(f"{where}, display", value, ("en", "ar"), ()):
            return fallback, fallback
        assert isinstance(value, dict)
        return self._str(f"{where}, display en", value["en"]), self._str(f"{where}, display ar", value["ar"])

    def _kind(self, where: str, value: object) -> SpanKind | None:
        try:
            return SpanKind(self._str(where, value))
        except ValueError:
            self.problems.append(f"{where}: unknown kind {value!r} (expected one of: {_kinds()})")
            return None

    def schema(self, data: object) -> Schema | None:
        if not self._object("schema", data, ("format", "version", "labels"), ("name", "relations")):
            return None
        assert isinstance(data, dict)
        if data["format"] != SCHEMA_FORMAT:
            self.problems.append(f"schema: unknown format {data['format']!r} (expected {SCHEMA_FORMAT!r})")
        version = data["version"]
        if isinstance(version, bool) or not isinstance(version, int):
            self.problems.append(f"schema: the version must be an integer, not {version!r}")
            version = 0
        labels = [self.label(index, item) for index, item in enumerate(self._list("schema, labels", data["labels"]))]
        relations = [
            self.relation(index, item)
            for index, item in enumerate(self._list("schema, relations", data.get("relations", [])))
        ]
        return Schema(
            version=version,
            name=self._str("schema, name", data.get("name", "")),
            labels=tuple(label for label in labels if label is not None),
            relations=tuple(relation for relation in relations if relation is not None),
        )

    def label(self, index: int, data: object) -> Label | None:
        where = f"label {index + 1}"
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            where = f"label {data['name']!r}"
        required = ("name", "kind", "colour", "hotkey")
        if not self._object(where, data, required, ("display", "description", "attributes")):
            return None
        assert isinstance(data, dict)
        name = self._str(f"{where}, name", data["name"])
        kind = self._kind(where, data["kind"])
        display_en, display_ar = self._display(where, data.get("display"), name)
        attributes = [
            self.attribute(where, item) for item in self._list(f"{where}, attributes", data.get("attributes", []))
        ]
        if kind is None:
            return None
        return Label(
            name=name,
            kind=kind,
            colour=self._str(f"{where}, colour", data["colour"]),
            hotkey=self._str(f"{where}, hotkey", data["hotkey"]),
            display_en=display_en,
            display_ar=display_ar,
            attributes=tuple(spec for spec in attributes if spec is not None),
            description=self._str(f"{where}, description", data.get("description", "")),
        )

    def attribute(self, owner: str, data: object) -> AttributeSpec | None:
        where = f"{owner}, attribute"
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            where = f"{owner}, attribute {data['name']!r}"
        if not self._object(where, data, ("name", "type"), ("display", "values", "default", "description")):
            return None
        assert isinstance(data, dict)
        name = self._str(f"{where}, name", data["name"])
        try:
            kind = AttributeType(data["type"])
        except ValueError:
            expected = ", ".join(item.value for item in AttributeType)
            self.problems.append(f"{where}: unknown type {data['type']!r} (expected one of: {expected})")
            return None
        default = data.get("default")
        if default is not None and not isinstance(default, str):
            self.problems.append(f"{where}: the default must be a string or null, not {default!r}")
            default = None
        display_en, display_ar = self._display(where, data.get("display"), name)
        choices: list[Choice] = []
        for item in self._list(f"{where}, values", data.get("values", [])):
            if isinstance(item, str):
                choices.append(Choice(item, item, item))
            elif self._object(f"{where}, value", item, ("value",), ("en", "ar")):
                assert isinstance(item, dict)
                value = self._str(f"{where}, value", item["value"])
                choices.append(
                    Choice(
                        value,
                        self._str(f"{where}, value en", item.get("en", value)),
                        self._str(f"{where}, value ar", item.get("ar", value)),
                    )
                )
        return AttributeSpec(
            name=name,
            type=kind,
            display_en=display_en,
            display_ar=display_ar,
            choices=tuple(choices),
            default=default,
            description=self._str(f"{where}, description", data.get("description", "")),
        )

    def relation(self, index: int, data: object) -> RelationSpec | None:
        where = f"relation {index + 1}"
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            where = f"relation {data['name']!r}"
        required = ("name", "colour", "hotkey", "head_kinds", "tail_kinds")
        if not self._object(where, data, required, ("display", "description")):
            return None
        assert isinstance(data, dict)
        name = self._str(f"{where}, name", data["name"])
        display_en, display_ar = self._display(where, data.get("display"), name)
        heads = [self._kind(f"{where}, head", item) for item in self._list(f"{where}, head_kinds", data["head_kinds"])]
        tails = [self._kind(f"{where}, tail", item) for item in self._list(f"{where}, tail_kinds", data["tail_kinds"])]
        return RelationSpec(
            name=name,
            colour=self._str(f"{where}, colour", data["colour"]),
            hotkey=self._str(f"{where}, hotkey", data["hotkey"]),
            display_en=display_en,
            display_ar=display_ar,
            head_kinds=tuple(kind for kind in heads if kind is not None),
            tail_kinds=tuple(kind for kind in tails if kind is not None),
            description=self._str(f"{where}, description", data.get("description", "")),
        )
