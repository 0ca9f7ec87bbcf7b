"""The default annotation schema against DESIGN.md section 4, and schema validation."""

from __future__ import annotations

import copy
import dataclasses
import json
import subprocess
import sys
from typing import Any

import pytest

from annotator.model import RelationLabel, SpanKind
from annotator.resources import resource_path
from annotator.schema import (
    SCHEMA_FORMAT,
    AttributeSpec,
    AttributeType,
    Choice,
    Label,
    RelationSpec,
    Schema,
    SchemaError,
    dumps_readable,
    is_iso_date,
    load_default_schema,
)

# Written from DESIGN.md section 4, not from resources/schema.json.
DESIGN_ENTITY_LABELS = ["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "EVENT", "WEAPON", "QUANTITY"]
DESIGN_CLAIM_ATTRIBUTES = {
    "stance": ["asserted", "denied", "alleged", "questioned", "predicted"],
    "claim_type": ["military_aid", "troop_deployment", "arms_transfer", "sanctions", "diplomatic", "economic", "other"],
    "certainty": ["certain", "probable", "possible"],
}
DESIGN_TREATY_ATTRIBUTES = {
    "treaty": AttributeType.TREATY_ID,
    "article": AttributeType.TEXT,
    "date": AttributeType.ISO_DATE,
}
DESIGN_RELATIONS = {
    "CLAIMANT": ({SpanKind.CLAIM}, set(SpanKind)),
    "SOURCE": ({SpanKind.CLAIM}, set(SpanKind)),
    "TARGET": ({SpanKind.CLAIM}, set(SpanKind)),
    "DENIED_BY": ({SpanKind.CLAIM}, set(SpanKind)),
    "PARTY": ({SpanKind.TREATY_REF}, {SpanKind.ENTITY}),
}
# The keys documented in annotator/schema.py.
DOCUMENTED_HOTKEYS = {
    "PER": "p",
    "ORG": "o",
    "GPE": "g",
    "LOC": "l",
    "FAC": "f",
    "NORP": "n",
    "DATE": "d",
    "EVENT": "e",
    "WEAPON": "w",
    "QUANTITY": "q",
    "CLAIM": "c",
    "TREATY_REF": "t",
    "CLAIMANT": "a",
    "SOURCE": "s",
    "TARGET": "r",
    "DENIED_BY": "x",
    "PARTY": "y",
}


@pytest.fixture(scope="module")
def schema() -> Schema:
    return load_default_schema()


def default_data() -> dict[str, Any]:
    data = json.loads(resource_path("schema.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def label_data(data: dict[str, Any], name: str) -> dict[str, Any]:
    for item in data["labels"]:
        if item["name"] == name:
            assert isinstance(item, dict)
            return item
    raise AssertionError(name)


def has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


# -- content -------------------------------------------------------------------------------------


def test_default_schema_loads_and_is_valid(schema: Schema) -> None:
    assert schema.validate() == []
    assert schema.version >= 1
    assert schema.name == "default"


def test_every_design_label_is_present_with_its_kind(schema: Schema) -> None:
    assert [label.name for label in schema.labels_of_kind(SpanKind.ENTITY)] == DESIGN_ENTITY_LABELS
    assert [label.name for label in schema.labels_of_kind(SpanKind.CLAIM)] == ["CLAIM"]
    assert [label.name for label in schema.labels_of_kind(SpanKind.TREATY_REF)] == ["TREATY_REF"]
    assert len(schema.labels) == len(DESIGN_ENTITY_LABELS) + 2


def test_entity_labels_have_no_attributes(schema: Schema) -> None:
    for name in DESIGN_ENTITY_LABELS:
        assert schema.label(name).attributes == ()


def test_claim_attributes_and_values_match_the_design(schema: Schema) -> None:
    claim = schema.label("CLAIM")
    assert [spec.name for spec in claim.attributes] == list(DESIGN_CLAIM_ATTRIBUTES)
    for name, values in DESIGN_CLAIM_ATTRIBUTES.items():
        spec = claim.attribute(name)
        assert spec.type == AttributeType.CHOICE
        assert list(spec.values) == values
        assert spec.default is None
    # A new claim's stance, type and certainty are unset until the analyst says: an untouched claim is not "certain".
    assert claim.defaults() == {"stance": None, "claim_type": None, "certainty": None}


def test_treaty_ref_attributes_match_the_design(schema: Schema) -> None:
    treaty_ref = schema.label("TREATY_REF")
    assert {spec.name: spec.type for spec in treaty_ref.attributes} == DESIGN_TREATY_ATTRIBUTES
    assert treaty_ref.defaults() == {"treaty": None, "article": None, "date": None}


def test_relations_match_the_design_and_the_model(schema: Schema) -> None:
    assert {relation.name for relation in schema.relations} == {label.value for label in RelationLabel}
    for name, (heads, tails) in DESIGN_RELATIONS.items():
        relation = schema.relation(name)
        assert set(relation.head_kinds) == heads
        assert set(relation.tail_kinds) == tails


def test_hotkeys_are_single_characters_without_clashes(schema: Schema) -> None:
    items: list[Label | RelationSpec] = [*schema.labels, *schema.relations]
    keys = [item.hotkey for item in items]
    assert all(len(key) == 1 and key.isprintable() and not key.isspace() for key in keys)
    assert len({key.casefold() for key in keys}) == len(keys)
    assert {item.name: item.hotkey for item in items} == DOCUMENTED_HOTKEYS
    assert schema.by_hotkey("P") == schema.label("PER")
    assert schema.by_hotkey("y") == schema.relation("PARTY")
    assert schema.by_hotkey("z") is None


def test_colours_are_valid_and_distinct(schema: Schema) -> None:
    colours = [label.colour.lower() for label in schema.labels]
    assert all(len(colour) == 7 and colour[0] == "#" for colour in colours)
    assert len(set(colours)) == len(colours)
    relation_colours = [relation.colour.lower() for relation in schema.relations]
    assert len(set(relation_colours)) == len(relation_colours)


def test_every_label_has_english_and_arabic_names(schema: Schema) -> None:
    items: list[Label | RelationSpec] = [*schema.labels, *schema.relations]
    for item in items:
        assert item.display_en.strip()
        assert has_arabic(item.display_ar), item.name
    for label in schema.labels:
        for spec in label.attributes:
            assert has_arabic(spec.display_ar)
            for choice in spec.choices:
                assert choice.display_en.strip()
                assert has_arabic(choice.display_ar)


def test_label_lookup(schema: Schema) -> None:
    assert schema.label("PER").kind == SpanKind.ENTITY
    assert schema.has_label("CLAIM")
    assert not schema.has_label("per")
    with pytest.raises(KeyError, match="NOPE"):
        schema.label("NOPE")
    with pytest.raises(KeyError, match="NOPE"):
        schema.relation("NOPE")
    with pytest.raises(KeyError, match="colour"):
        schema.label("CLAIM").attribute("colour")


# -- round trip ----------------------------------------------------------------------------------


def test_shipped_file_is_the_canonical_serialisation(schema: Schema) -> None:
    text = resource_path("schema.json").read_text(encoding="utf-8")
    assert schema.to_json() == text
    assert "شخص" in text  # Arabic written as is, not \\u escapes
    assert text.startswith("{\n  ")


def test_round_trip_is_exact(schema: Schema) -> None:
    text = schema.to_json()
    again = Schema.from_json(text)
    assert again == schema
    assert again.to_json() == text
    assert Schema.from_dict(schema.to_dict()) == schema


def test_round_trip_of_an_edited_schema(schema: Schema) -> None:
    extra = Label(
        name="VESSEL",
        kind=SpanKind.ENTITY,
        colour="#123456",
        hotkey="v",
        display_en="Vessel",
        display_ar="سفينة",
        attributes=(
            AttributeSpec(
                "flag",
                AttributeType.CHOICE,
                "Flag",
                "العلم",
                choices=(Choice("ru", "Russian", "روسي"), Choice("kp", "North Korean", "كوري شمالي")),
                default="ru",
            ),
        ),
    )
    edited = dataclasses.replace(schema, version=schema.version + 1, labels=(*schema.labels, extra))
    assert edited.validate() == []
    assert Schema.from_json(edited.to_json()) == edited
    assert Schema.from_json(edited.to_json()).to_json() == edited.to_json()


def test_serialisation_is_deterministic(schema: Schema) -> None:
    assert schema.to_json() == load_default_schema().to_json()
    assert json.loads(schema.to_json())["format"] == SCHEMA_FORMAT


def test_dumps_readable_parses_back() -> None:
    value = {"a": [1, 2, {"b": "روسيا", "c": None}], "d": {}, "e": [], "f": {"g": [True, False]}}
    text = dumps_readable(value)
    assert json.loads(text) == value
    assert text.endswith("\n")
    assert "روسيا" in text


# -- validation ----------------------------------------------------------------------------------


def _mutated(mutate: Any) -> dict[str, Any]:
    data = copy.deepcopy(default_data())
    mutate(data)
    return data


def _set(path: list[str | int], value: Any) -> Any:
    def mutate(data: Any) -> None:
        target = data
        for key in path[:-1]:
            if isinstance(target, list) and isinstance(key, str):
                target = next(item for item in target if item["name"] == key)
            else:
                target = target[key]
        target[path[-1]] = value

    return mutate


def _duplicate_per(data: dict[str, Any]) -> None:
    copy_of_per = dict(label_data(data, "PER"), hotkey="z")
    data["labels"].append(copy_of_per)


def _claim_default(data: dict[str, Any]) -> None:
    label_data(data, "CLAIM")["attributes"][0]["default"] = "maybe"


def _relation_clash(data: dict[str, Any]) -> None:
    data["relations"][0]["hotkey"] = "P"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (_set(["labels", "PER", "kind"], "thing"), "unknown kind 'thing'"),
        (_duplicate_per, "duplicate label 'PER'"),
        (_set(["labels", "ORG", "hotkey"], "p"), "hotkey 'p' clash: it is used by both PER and ORG"),
        (_relation_clash, "hotkey 'P' clash: it is used by both PER and CLAIMANT"),
        (_set(["labels", "ORG", "hotkey"], "op"), "must be a single visible character"),
        (_set(["labels", "ORG", "hotkey"], " "), "must be a single visible character"),
        (_set(["labels", "PER", "colour"], "red"), "colour 'red' is not of the form #rrggbb"),
        (_set(["labels", "PER", "colour"], "#12345"), "colour '#12345' is not of the form #rrggbb"),
        (_claim_default, "default 'maybe' is not one of its values"),
        (_set(["labels", "PER", "name"], "per"), "upper-case letters"),
        (_set(["format"], "other/9"), "unknown format 'other/9'"),
        (_set(["version"], "one"), "version must be an integer"),
        (_set(["version"], 0), "version must be a positive integer"),
        (_set(["labels"], []), "the schema has no labels"),
        (_set(["labels", "PER", "surprise"], 1), "unknown field 'surprise'"),
        (_set(["relations", 0, "head_kinds"], ["claimz"]), "unknown kind 'claimz'"),
        (_set(["relations", 0, "name"], "PER"), "already used by a span label"),
        (_set(["labels", "TREATY_REF", "attributes", 2, "type"], "date"), "unknown type 'date'"),
        (_set(["labels", "TREATY_REF", "attributes", 2, "default"], "2024-13-01"), "not an ISO 8601 date"),
        (_set(["labels", "TREATY_REF", "attributes", 1, "values"], ["x"]), "only choice attributes"),
        (_set(["labels", "CLAIM", "attributes", 0, "values"], []), "needs at least one allowed value"),
    ],
)
def test_validation_messages(mutate: Any, message: str) -> None:
    data = _mutated(mutate)
    with pytest.raises(SchemaError) as caught:
        Schema.from_dict(data)
    assert any(message in problem for problem in caught.value.problems), caught.value.problems
    assert message in str(caught.value)


def test_missing_field_is_reported() -> None:
    data = default_data()
    del label_data(data, "PER")["colour"]
    with pytest.raises(SchemaError, match="label 'PER': missing 'colour'"):
        Schema.from_dict(data)


def test_not_json_is_reported() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        Schema.from_json("{labels: ")
    with pytest.raises(SchemaError, match="expected an object"):
        Schema.from_json("[]")


def test_every_problem_is_reported_at_once() -> None:
    data = default_data()
    label_data(data, "PER")["colour"] = "red"
    label_data(data, "ORG")["hotkey"] = "g"
    with pytest.raises(SchemaError) as caught:
        Schema.from_dict(data)
    assert len(caught.value.problems) == 2


# -- attribute and relation checks ---------------------------------------------------------------


def test_validate_attributes_accepts_good_values(schema: Schema) -> None:
    assert schema.validate_attributes("CLAIM", {}) == []
    assert schema.validate_attributes("CLAIM", {"stance": "denied", "claim_type": "troop_deployment"}) == []
    good = {"treaty": "un-charter", "article": "51", "date": "1945-06-26"}
    assert schema.validate_attributes("TREATY_REF", good, treaty_ids={"un-charter"}) == []
    assert schema.validate_attributes(schema.label("TREATY_REF"), {"treaty": None, "date": "1961"}) == []
    assert schema.validate_attributes("PER", {}) == []


def test_validate_attributes_reports_problems(schema: Schema) -> None:
    assert schema.validate_attributes("CLAIM", {"stance": "maybe"}) == [
        "CLAIM: attribute 'stance' has value 'maybe', expected one of asserted, denied, alleged, questioned, predicted"
    ]
    problems = schema.validate_attributes("CLAIM", {"colour": "red", "certainty": None, "claim_type": 3})
    assert problems == [
        "CLAIM: attribute 'claim_type' must be a string, not int",
        "CLAIM: unknown attribute 'colour' (allowed: stance, claim_type, certainty)",
    ]
    assert schema.validate_attributes("PER", {"stance": "asserted"}) == [
        "PER: unknown attribute 'stance' (allowed: none)"
    ]
    (date_problem,) = schema.validate_attributes("TREATY_REF", {"date": "19 June 2024"})
    assert "not an ISO 8601 date" in date_problem
    (treaty_problem,) = schema.validate_attributes("TREATY_REF", {"treaty": "nope"}, treaty_ids={"un-charter"})
    assert "'nope', which is not a treaty in the registry" in treaty_problem
    assert schema.validate_attributes("NOPE", {}) == ["unknown label 'NOPE'"]


def test_with_defaults(schema: Schema) -> None:
    assert schema.with_defaults("CLAIM", {"stance": "denied"}) == {
        "stance": "denied",
        "claim_type": None,
        "certainty": None,
    }


def test_validate_relation(schema: Schema) -> None:
    assert schema.validate_relation("CLAIMANT", SpanKind.CLAIM, SpanKind.ENTITY) == []
    assert schema.validate_relation("DENIED_BY", "claim", "treaty_ref") == []
    assert schema.validate_relation("PARTY", SpanKind.TREATY_REF, SpanKind.ENTITY) == []
    (problem,) = schema.validate_relation("PARTY", SpanKind.TREATY_REF, SpanKind.CLAIM)
    assert "the tail must be a span of kind 'entity'" in problem
    (problem,) = schema.validate_relation("SOURCE", SpanKind.ENTITY, SpanKind.ENTITY)
    assert "the head must be a span of kind 'claim'" in problem
    assert schema.validate_relation("LIKES", SpanKind.CLAIM, SpanKind.ENTITY) == ["unknown relation label 'LIKES'"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-19", True),
        ("2024-06", True),
        ("1961", True),
        ("2024-02-30", False),
        ("2024-13", False),
        ("24-06-19", False),
        ("2024/06/19", False),
        ("2024-06-19T10:00", False),
        ("", False),
    ],
)
def test_iso_dates(value: str, expected: bool) -> None:
    assert is_iso_date(value) is expected


def test_the_domain_modules_import_neither_qt_nor_sqlite() -> None:
    code = (
        "import sys, annotator.schema, annotator.registry\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6', 'sqlite3', 'sqlite_utils'}]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
