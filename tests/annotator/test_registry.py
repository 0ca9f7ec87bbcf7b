"""The seeded registry against the sample corpus, and the registry API."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from annotator.model import SpanKind
from annotator.registry import (
    REGISTRY_FORMAT,
    Alias,
    AliasForm,
    Entity,
    EntityType,
    Registry,
    RegistryError,
    Treaty,
    TreatyArticle,
    load_default_registry,
)
from annotator.resources import resource_path, sample_corpus_files
from annotator.schema import load_default_schema
from annotator.text import decode_document

REQUIRED_ENTITIES = {
    "vladimir-putin": EntityType.PER,
    "kim-jong-un": EntityType.PER,
    "kim-il-sung": EntityType.PER,
    "kim-jong-il": EntityType.PER,
    "sergey-lavrov": EntityType.PER,
    "choe-son-hui": EntityType.PER,
    "yuri-ushakov": EntityType.PER,
    "russia": EntityType.GPE,
    "north-korea": EntityType.GPE,
    "south-korea": EntityType.GPE,
    "united-states": EntityType.GPE,
    "ukraine": EntityType.GPE,
    "moscow": EntityType.GPE,
    "pyongyang": EntityType.GPE,
    "wonsan": EntityType.GPE,
    "kursk": EntityType.GPE,
    "nato": EntityType.ORG,
    "united-nations": EntityType.ORG,
    "un-security-council": EntityType.ORG,
    "kcna": EntityType.ORG,
    # Further prominent entities of the corpus.
    "china": EntityType.GPE,
    "japan": EntityType.GPE,
    "kyiv": EntityType.GPE,
    "the-west": EntityType.GPE,
    "soviet-union": EntityType.GPE,
    "seoul": EntityType.GPE,
    "washington": EntityType.GPE,
    "korean-peninsula": EntityType.LOC,
    "kim-il-sung-square": EntityType.FAC,
    "russians": EntityType.NORP,
    "north-koreans": EntityType.NORP,
    "americans": EntityType.NORP,
}

REQUIRED_TREATIES = {
    "ru-kp-comprehensive-strategic-partnership-2024": ("2024-06-19", {"russia", "north-korea"}, {3, 4}),
    "ussr-kp-friendship-mutual-assistance-1961": ("1961", {"soviet-union", "north-korea"}, set()),
    "ru-kp-friendship-good-neighbourliness-2000": ("2000-02-09", {"russia", "north-korea"}, set()),
    "ussr-kp-economic-cultural-cooperation-1949": ("1949-03-17", {"soviet-union", "north-korea"}, set()),
    "un-charter": ("1945", set(), {51}),
    "north-atlantic-treaty": ("1949-04-04", set(), {5}),
}

# Spelling variants: both members of each pair must be aliases of the same entry.
VARIANT_PAIRS = [
    ("بيونغ يانغ", "بيونج يانج"),
    ("بيونغ يانغ", "بيونج يانغ"),
    ("سيرغي لافروف", "سيرجي لافروف"),
    ("كيم جونغ أون", "كيم جونج أون"),
    ("الأمريكية", "الأميركية"),
    ("الأمريكي", "الأميركي"),
    ("أمريكا", "أميركا"),
    ("سيول", "سول"),
    ("سيول", "سيئول"),
    ("أفريقيا", "إفريقيا"),
    ("المحيطين الهندي والهادئ", "المحيطين الهندي والهادي"),
    ("جمهورية كوريا الديمقراطية الشعبية", "جمهورية كوريا الشعبية الديمقراطية"),
    ("جمهورية كوريا الشعبية الديمقراطية", "جمهورية كوريا الشعبية الديموقراطية"),
    ("حلف شمال الأطلسي", "الناتو"),
    ("وكالة الأنباء المركزية الكورية", "وكالة الأنباء المركزية الكورية الشمالية"),
    ("الولايات المتحدة", "الولايات المتحدة الأمريكية"),
    ("اتفاقية الشراكة الاستراتيجية الشاملة", "اتفاقية الشراكة الإستراتيجية الشاملة"),
    ("معاهدة الصداقة وحسن الجوار والتعاون", "معاهدة الصداقة والتعاون وحسن الجوار"),
]

# Surface forms read in the sample corpus (proclitics removed), per entry.
CORPUS_MENTIONS = {
    "vladimir-putin": ["فلاديمير بوتين", "بوتين"],
    "kim-jong-un": ["كيم جونغ أون", "كيم جونج أون", "كيم"],
    "kim-il-sung": ["كيم إيل سونغ"],
    "kim-jong-il": ["كيم جونغ إيل"],
    "sergey-lavrov": ["سيرغي لافروف", "سيرجي لافروف", "لافروف"],
    "yuri-ushakov": ["يوري أوشاكوف"],
    "russia": ["روسيا", "روسيا الاتحادية"],
    "north-korea": [
        "كوريا الشمالية",
        "جمهورية كوريا الديمقراطية الشعبية",
        "جمهورية كوريا الشعبية الديمقراطية",
        "جمهورية كوريا الشعبية الديموقراطية",
        "جمهورية كوريا الشعبية",
        "كوريا الديمقراطية",
    ],
    "south-korea": ["كوريا الجنوبية", "جمهورية كوريا الجنوبية"],
    "united-states": ["الولايات المتحدة الأمريكية", "الولايات المتحدة", "أمريكا"],
    "ukraine": ["أوكرانيا"],
    "moscow": ["موسكو"],
    "pyongyang": ["بيونغ يانغ", "بيونج يانج", "بيونج يانغ"],
    "wonsan": ["وونسان"],
    "kursk": ["كورسك", "مقاطعة كورسك"],
    "nato": ["الناتو", "حلف الناتو", "حلف شمال الأطلسي"],
    "united-nations": ["الأمم المتحدة", "الأممية"],
    "un-security-council": ["مجلس الأمن الدولي", "مجلس الأمن"],
    "kcna": ["وكالة الأنباء المركزية الكورية الشمالية"],
    "soviet-union": ["الاتحاد السوفيتي"],
    "china": ["الصين"],
    "japan": ["اليابان"],
    "kyiv": ["كييف"],
    "the-west": ["الغرب", "العالم الغربي"],
    "seoul": ["سيول", "سول", "سيئول"],
    "washington": ["واشنطن"],
    "beijing": ["بكين"],
    "kremlin": ["الكرملين"],
    "pentagon": ["البنتاجون", "وزارة الدفاع الأمريكية"],
    "security-council-of-russia": ["مجلس الأمن الروسي"],
    "korean-peninsula": ["شبه الجزيرة الكورية"],
    "africa": ["أفريقيا", "إفريقيا"],
    "indo-pacific": ["المحيطين الهندي والهادئ", "المحيطين الهندي والهادي"],
    "kim-il-sung-square": ["ساحة كيم إيل سونغ"],
    "russians": ["الروسي", "الروسية", "روسي", "روسية", "روس"],
    "north-koreans": [
        "الكوري الشمالي",
        "الكورية الشمالية",
        "كوري شمالي",
        "كورية شمالية",
        "الكوريين الشماليين",
        "كوريين شماليين",
    ],
    "south-koreans": ["الكوري الجنوبي", "الكورية الجنوبية"],
    "americans": ["الأمريكية", "الأمريكي", "أمريكية", "الأميركي", "أميركي", "الأميركيين"],
    # أوكرانياً (an adverb, "توغلاً أوكرانياً") is no alias: it folds to أوكرانيا, the country.
    "ukrainians": ["الأوكرانية", "الأوكراني"],
    "ru-kp-comprehensive-strategic-partnership-2024": [
        "اتفاقية الشراكة الاستراتيجية الشاملة",
        "معاهدة الشراكة الاستراتيجية الشاملة",
        "اتفاقية الشراكة الإستراتيجية الشاملة",
        "الاتفاقية الاستراتيجية الشاملة",
        "اتفاقية دفاع مشترك",
        "اتفاق للدفاع المتبادل",
        "اتفاقية عسكرية شاملة",
        "الاتفاقية الروسية الكورية",
    ],
    "ussr-kp-friendship-mutual-assistance-1961": ["معاهدة الصداقة والمساعدة المتبادلة"],
    "ru-kp-friendship-good-neighbourliness-2000": [
        "معاهدة الصداقة والتعاون وحسن الجوار",
        "معاهدة الصداقة وحسن الجوار والتعاون",
    ],
    "ussr-kp-economic-cultural-cooperation-1949": ["اتفاقية التعاون الاقتصادي والثقافي", "اتفاقية التعاون الاقتصادي"],
    "un-charter": ["ميثاق الأمم المتحدة"],
    "north-atlantic-treaty": ["ميثاق حلف شمال الأطلسي"],
}

# Every word-initial occurrence of these stems in the corpus must lie inside an alias of one of the
# listed entries: a mention that no alias covers means a spelling the registry lacks.
STEM_COVERAGE = {
    "بوتين": {"vladimir-putin"},
    "كيم": {"kim-jong-un", "kim-il-sung", "kim-jong-il", "kim-il-sung-square", "kim-sung-bae"},
    "لافروف": {"sergey-lavrov"},
    "أوشاكوف": {"yuri-ushakov"},
    "بيونغ": {"pyongyang", "ru-kp-pyongyang-declaration-2000"},
    "بيونج": {"pyongyang"},
    "يانغ": {"pyongyang"},
    "يانج": {"pyongyang"},
    "موسكو": {"moscow"},
    "وونسان": {"wonsan"},
    "كورسك": {"kursk"},
    "الناتو": {"nato"},
    "الأطلسي": {"nato", "north-atlantic-treaty"},
    "الأمم المتحدة": {"united-nations", "un-charter"},
    "مجلس الأمن": {"un-security-council", "security-council-of-russia"},
    "وكالة الأنباء": {"kcna"},
    "كوريا": {"north-korea", "south-korea"},
    "روسيا": {"russia", "russian-far-east"},
    "الولايات المتحدة": {"united-states"},
    "أمريكا": {"united-states", "latin-america"},
    "أوكرانيا": {"ukraine", "ukrainians"},
    "السوفيت": {"soviet-union", "soviets"},
    "الأمريكي": {"americans"},
    "الأميركي": {"americans"},
    "الصين": {"china", "chinese"},
    "اليابان": {"japan"},
    "كييف": {"kyiv"},
    "سيول": {"seoul"},
    "سيئول": {"seoul"},
    "واشنطن": {"washington"},
    "بكين": {"beijing"},
    "الكوري الشمالي": {"north-koreans"},
    "الكورية الشمالية": {"north-koreans", "kcna"},
}

WORD = r"\w"
PROCLITICS = "[وف]?[بكل]?"


def _occurrence_pattern(alias: str) -> re.Pattern[str]:
    """A surface form at word boundaries, allowing proclitics before it.

    The article ال after the preposition ل is written لل (للكرملين), so an alias starting with
    ال also matches as ل + the alias without its alef.
    """
    forms = [PROCLITICS + "(" + re.escape(alias) + ")"]
    if alias.startswith("ال"):
        forms.append("[وف]?ل(" + re.escape(alias[1:]) + ")")
    return re.compile(rf"(?<!{WORD})(?:{'|'.join(forms)})(?!{WORD})")


def occurrences(text: str, alias: str) -> list[tuple[int, int]]:
    spans = []
    for match in _occurrence_pattern(alias).finditer(text):
        group = 1 if match.group(1) is not None else 2
        spans.append((match.start(group), match.end(group)))
    return spans


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_default_registry()


@pytest.fixture(scope="module")
def corpus() -> str:
    files = sample_corpus_files()
    assert len(files) == 5
    return "\n\n".join(decode_document(path.read_bytes()) for path in files)


def default_data() -> dict[str, Any]:
    data = json.loads(resource_path("registry.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def aliases_of(registry: Registry, entry_id: str) -> tuple[str, ...]:
    entry = registry.get(entry_id)
    assert entry is not None, entry_id
    return entry.alias_texts


# -- the occurrence helper itself ----------------------------------------------------------------


def test_occurrences_allow_proclitics_and_the_article_contraction() -> None:
    text = "وبيونغ يانغ، ولبيونغ يانغ ثم للكرملين والكرملين وآسياروسيا"
    assert occurrences(text, "بيونغ يانغ") == [(1, 11), (15, 25)]
    assert len(occurrences(text, "الكرملين")) == 2
    assert occurrences(text, "روسيا") == []
    assert occurrences(text, "يانغ") == [(7, 11), (21, 25)]
    assert occurrences(text, "كرملين") == []


# -- required content ----------------------------------------------------------------------------


def test_default_registry_loads_and_is_valid(registry: Registry) -> None:
    assert registry.validate() == []
    assert registry.version >= 1


@pytest.mark.parametrize(("entity_id", "entity_type"), REQUIRED_ENTITIES.items())
def test_required_entities_are_present(registry: Registry, entity_id: str, entity_type: EntityType) -> None:
    entity = registry.entity(entity_id)
    assert entity.type == entity_type
    assert entity.name_ar.strip()
    assert entity.name_en


@pytest.mark.parametrize(("treaty_id", "expected"), REQUIRED_TREATIES.items())
def test_required_treaties_are_present(
    registry: Registry, treaty_id: str, expected: tuple[str, set[str], set[int]]
) -> None:
    date, parties, articles = expected
    treaty = registry.treaty(treaty_id)
    assert treaty.date.startswith(date)
    assert set(treaty.parties) == parties
    assert articles <= {article.number for article in treaty.articles}
    assert treaty.name_en and treaty.name_ar


def test_the_2024_treaty_articles(registry: Registry) -> None:
    treaty = registry.treaty("ru-kp-comprehensive-strategic-partnership-2024")
    article_4 = treaty.article(4).summary
    assert "armed attack" in article_4 and "military" in article_4 and "Article 51" in article_4
    assert "threat" in treaty.article(3).summary
    assert "self-defence" in registry.treaty("un-charter").article(51).summary
    assert "attack against them all" in registry.treaty("north-atlantic-treaty").article(5).summary
    with pytest.raises(KeyError):
        treaty.article(99)


def test_entity_types_are_entity_labels_of_the_schema() -> None:
    schema = load_default_schema()
    for entity_type in EntityType:
        assert schema.label(entity_type.value).kind == SpanKind.ENTITY


def test_wikidata_ids_are_unique(registry: Registry) -> None:
    qids = [entity.wikidata for entity in registry.entities if entity.wikidata]
    assert len(qids) == len(set(qids))
    assert registry.entity("vladimir-putin").wikidata == "Q7747"
    assert registry.entity("russia").wikidata == "Q159"


def test_nationality_entries_point_at_their_country(registry: Registry) -> None:
    for entity in registry.entities:
        if entity.type == EntityType.NORP:
            assert entity.related, entity.id
            assert all(alias.form == AliasForm.ADJECTIVE for alias in entity.aliases), entity.id
    assert registry.entity("russians").related == ("russia",)


# -- aliases against the corpus ------------------------------------------------------------------


def test_attested_aliases_occur_in_the_corpus_and_the_others_do_not(registry: Registry, corpus: str) -> None:
    wrong = []
    for entry in registry.entries():
        for alias in entry.aliases:
            if bool(occurrences(corpus, alias.text)) != alias.attested:
                wrong.append((entry.id, alias.text, alias.attested))
    assert wrong == []


def test_aliases_are_bare_surface_forms(registry: Registry) -> None:
    article_after_proclitic = re.compile("^(?:[وفبك]ال|لل|وال)")
    for entry in registry.entries():
        for text in entry.alias_texts:
            assert not article_after_proclitic.match(text), (entry.id, text)
            assert not re.search(r"[،؛.:«»\"“”()]", text), (entry.id, text)


@pytest.mark.parametrize(("first", "second"), VARIANT_PAIRS, ids=[f"pair-{i}" for i in range(len(VARIANT_PAIRS))])
def test_spelling_variants_belong_to_the_same_entry(registry: Registry, first: str, second: str) -> None:
    owners = [entry.id for entry in registry.entries() if {first, second} <= set(entry.alias_texts)]
    assert len(owners) == 1, (first, second, owners)


@pytest.mark.parametrize(("entry_id", "surfaces"), CORPUS_MENTIONS.items())
def test_corpus_mentions_are_aliases(registry: Registry, corpus: str, entry_id: str, surfaces: list[str]) -> None:
    aliases = aliases_of(registry, entry_id)
    for surface in surfaces:
        assert occurrences(corpus, surface), f"{surface!r} is not in the corpus"
        assert surface in aliases, f"{surface!r} is not an alias of {entry_id}"


@pytest.mark.parametrize(
    ("stem", "owners"),
    STEM_COVERAGE.items(),
    ids=[f"stem-{i}-{min(owners)}" for i, owners in enumerate(STEM_COVERAGE.values())],
)
def test_every_mention_of_a_stem_is_covered_by_an_alias(
    registry: Registry, corpus: str, stem: str, owners: set[str]
) -> None:
    covered: list[tuple[int, int]] = []
    for owner in owners:
        for alias in aliases_of(registry, owner):
            covered.extend(occurrences(corpus, alias))
    stem_pattern = re.compile(rf"(?<!{WORD}){PROCLITICS}({re.escape(stem)})")
    starts = [match.start(1) for match in stem_pattern.finditer(corpus)]
    assert starts, f"{stem!r} does not occur in the corpus"
    uncovered = [
        corpus[max(0, start - 15) : start + 25]
        for start in starts
        if not any(begin <= start and start + len(stem) <= end for begin, end in covered)
    ]
    assert uncovered == []


# -- find ----------------------------------------------------------------------------------------


def test_find_by_arabic_and_english_names(registry: Registry) -> None:
    assert [entry.id for entry in registry.find("بوتين")] == ["vladimir-putin"]
    assert registry.find("PUTIN")[0].id == "vladimir-putin"
    assert registry.find("  لافروف ")[0].id == "sergey-lavrov"
    assert "pyongyang" in [entry.id for entry in registry.find("بيونج")]
    assert registry.find("لا شيء من هذا") == []


def test_find_ranks_exact_then_prefix_then_contains(registry: Registry) -> None:
    ids = [entry.id for entry in registry.find("كيم")]
    assert ids[0] == "kim-jong-un"  # the only entry with the exact alias كيم
    assert {"kim-il-sung", "kim-jong-il", "kim-sung-bae", "kim-il-sung-square"} <= set(ids)
    assert ids.index("kim-il-sung") < ids.index("kim-il-sung-square")  # prefix before contains


def test_find_uses_the_given_fold(registry: Registry) -> None:
    def g_sound(text: str) -> str:
        return text.replace("ج", "غ")

    assert registry.find("بيونغ يانج") == []
    found = [entry.id for entry in registry.find("بيونغ يانج", g_sound)]
    assert found == ["pyongyang", "ru-kp-pyongyang-declaration-2000"]
    assert [entry.id for entry in registry.find("بيونغ يانج", fold=g_sound)] == found


def test_find_filters(registry: Registry) -> None:
    found = registry.find("الأطلسي")
    assert {entry.id for entry in found} == {"nato", "north-atlantic-treaty"}
    assert [entry.id for entry in registry.find("الأطلسي", treaties=False)] == ["nato"]
    assert [entry.id for entry in registry.find("الأطلسي", types=[EntityType.PER])] == []
    norp = registry.find("الكوري", types=[EntityType.NORP])
    assert all(isinstance(entry, Entity) and entry.type == EntityType.NORP for entry in norp)
    assert len(registry.find("")) == len(registry.entries())


def test_find_exact(registry: Registry) -> None:
    assert [entry.id for entry in registry.find_exact("سيرجي لافروف")] == ["sergey-lavrov"]
    assert [entry.id for entry in registry.find_exact("NORTH KOREA")] == ["north-korea"]
    assert registry.find_exact("NORTH KOREA", lambda text: text) == []
    assert registry.find_exact("كوريا") == []


def test_lookup_by_id(registry: Registry) -> None:
    assert registry.entity("moscow").name_ar == "موسكو"
    assert isinstance(registry.get("un-charter"), Treaty)
    assert registry.get("atlantis") is None
    assert "nato" in registry
    assert "atlantis" not in registry
    with pytest.raises(KeyError, match="atlantis"):
        registry.entity("atlantis")
    with pytest.raises(KeyError, match="nato"):
        registry.treaty("nato")


# -- editing -------------------------------------------------------------------------------------


def _new_person() -> Entity:
    return Entity(
        id="andrei-belousov",
        type=EntityType.PER,
        name_ar="أندريه بيلوسوف",
        aliases=(Alias("أندريه بيلوسوف", attested=False), Alias("بيلوسوف", AliasForm.SHORT, attested=False)),
        name_en="Andrei Belousov",
    )


def test_editing_returns_new_registries(registry: Registry) -> None:
    before = registry.to_json()
    added = registry.add_entity(_new_person())
    assert "andrei-belousov" in added and "andrei-belousov" not in registry
    assert registry.to_json() == before

    with_alias = added.add_alias("andrei-belousov", "بيلاوسوف")
    assert with_alias.entity("andrei-belousov").alias_texts[-1] == "بيلاوسوف"
    assert added.entity("andrei-belousov").alias_texts == ("أندريه بيلوسوف", "بيلوسوف")

    renamed = with_alias.replace_entity(
        Entity(**{**with_alias.entity("andrei-belousov").__dict__, "name_en": "Andrey Belousov"})
    )
    assert renamed.entity("andrei-belousov").name_en == "Andrey Belousov"
    assert renamed.remove_entity("andrei-belousov").entity_ids() == registry.entity_ids()

    treaty = Treaty(
        id="ru-by-union-state-1999",
        name_ar="معاهدة إنشاء دولة الاتحاد",
        name_en="Treaty on the Creation of a Union State",
        date="1999-12-08",
        parties=("russia",),
        articles=(TreatyArticle(1, "Creates the Union State."),),
        aliases=(Alias("معاهدة إنشاء دولة الاتحاد", attested=False),),
    )
    with_treaty = registry.add_treaty(treaty)
    assert with_treaty.treaty("ru-by-union-state-1999").parties == ("russia",)
    assert with_treaty.remove_treaty("ru-by-union-state-1999").treaty_ids() == registry.treaty_ids()
    treaty_alias = with_treaty.add_alias("ru-by-union-state-1999", Alias("دولة الاتحاد", AliasForm.SHORT, False))
    assert "دولة الاتحاد" in treaty_alias.treaty("ru-by-union-state-1999").alias_texts


def test_edits_that_break_the_registry_are_refused(registry: Registry) -> None:
    with pytest.raises(RegistryError, match="already in the registry"):
        registry.add_entity(Entity("moscow", EntityType.GPE, "موسكو", (Alias("موسكو"),)))
    with pytest.raises(RegistryError, match="the party 'russia' is not an entity"):
        registry.remove_entity("russia")
    with pytest.raises(RegistryError, match="an alias is empty"):
        registry.add_alias("moscow", " ")
    with pytest.raises(KeyError):
        registry.replace_entity(_new_person())
    with pytest.raises(KeyError):
        registry.add_alias("atlantis", "أطلانطس")
    bad_treaty = Treaty("x-treaty", "معاهدة", "Treaty", "2024-06-19", ("atlantis",), (), (Alias("معاهدة"),))
    with pytest.raises(RegistryError, match="the party 'atlantis' is not an entity"):
        registry.add_treaty(bad_treaty)


# -- serialisation and validation ----------------------------------------------------------------


def test_shipped_file_is_the_canonical_serialisation(registry: Registry) -> None:
    text = resource_path("registry.json").read_text(encoding="utf-8")
    assert registry.to_json() == text
    assert "بيونغ يانغ" in text  # Arabic written as is, not \\u escapes
    assert json.loads(text)["format"] == REGISTRY_FORMAT


def test_round_trip_is_exact(registry: Registry) -> None:
    text = registry.to_json()
    again = Registry.from_json(text)
    assert again == registry
    assert again.to_json() == text
    edited = registry.add_entity(_new_person())
    assert Registry.from_json(edited.to_json()) == edited


def _entity(data: dict[str, Any], entity_id: str) -> dict[str, Any]:
    for item in data["entities"]:
        if item["id"] == entity_id:
            assert isinstance(item, dict)
            return item
    raise AssertionError(entity_id)


def _treaty(data: dict[str, Any], treaty_id: str) -> dict[str, Any]:
    for item in data["treaties"]:
        if item["id"] == treaty_id:
            assert isinstance(item, dict)
            return item
    raise AssertionError(treaty_id)


def _duplicate_id(data: dict[str, Any]) -> None:
    data["entities"].append(copy.deepcopy(_entity(data, "moscow")))


def _unknown_party(data: dict[str, Any]) -> None:
    _treaty(data, "un-charter")["parties"] = ["atlantis"]


def _empty_alias(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["aliases"].append({"text": "", "form": "name", "attested": False})


def _no_aliases(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["aliases"] = []


def _name_not_alias(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["name_ar"] = "مسكو"


def _bad_qid(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["wikidata"] = "649"


def _bad_date(data: dict[str, Any]) -> None:
    _treaty(data, "un-charter")["date"] = "26 June 1945"


def _bad_type(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["type"] = "CITY"


def _bad_form(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["aliases"][0]["form"] = "nickname"


def _unknown_related(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["related"] = ["atlantis"]


def _duplicate_alias(data: dict[str, Any]) -> None:
    aliases = _entity(data, "moscow")["aliases"]
    aliases.append(dict(aliases[0]))


def _bad_id(data: dict[str, Any]) -> None:
    _entity(data, "moscow")["id"] = "Moscow City"


def _wrong_format(data: dict[str, Any]) -> None:
    data["format"] = "other/1"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (_duplicate_id, "duplicate id 'moscow'"),
        (_unknown_party, "the party 'atlantis' is not an entity in the registry"),
        (_empty_alias, "entity 'moscow': an alias is empty"),
        (_no_aliases, "entity 'moscow': it has no aliases"),
        (_name_not_alias, "the Arabic name 'مسكو' must also be one of its aliases"),
        (_bad_qid, "'649' is not a Wikidata id"),
        (_bad_date, "date '26 June 1945' is not an ISO 8601 date"),
        (_bad_type, "unknown type 'CITY'"),
        (_bad_form, "unknown form 'nickname'"),
        (_unknown_related, "the related entity 'atlantis' is not in the registry"),
        (_duplicate_alias, "duplicate aliases موسكو"),
        (_bad_id, "an id is lower-case letters and digits"),
        (_wrong_format, "unknown format 'other/1'"),
    ],
)
def test_validation_messages(mutate: Any, message: str) -> None:
    data = default_data()
    mutate(data)
    with pytest.raises(RegistryError) as caught:
        Registry.from_dict(data)
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


def test_not_json_is_reported() -> None:
    with pytest.raises(RegistryError, match="not valid JSON"):
        Registry.from_json("{")
    with pytest.raises(RegistryError, match="expected an object"):
        Registry.from_json('"registry"')
