"""The claims ledger on the sample corpus with the demo layers, and its parts on small cases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from annotator.claim_dates import document_date, parse_date
from annotator.claims import Claim, ClaimFilter, GroupChoices, Position, gather_claims, group_claims
from annotator.claims_export import ledger_csv, ledger_jsonl
from annotator.exchange import import_file
from annotator.model import Span
from annotator.project import Project
from annotator.resources import sample_corpus_files
from annotator.text_import import IncomingText
from main import main
from storage.sqlite_repository import SqliteRepository
from tests.conftest import ROOT

DEMO = ROOT / "resources" / "demo"


def demo_project(path: Path) -> Project:
    """The sample corpus with the two demo layers, as docs/screenshots.py builds it."""
    project = Project(SqliteRepository.open(path), "amal")
    project.import_paths(sample_corpus_files())
    for layer in ("amal", "samira"):
        import_file(project, DEMO / f"{layer}.jsonl")
    return project


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "demo.hashiya"
    demo_project(path).close()
    return path


def demo_claims(db: Path) -> list[Claim]:
    project = Project(SqliteRepository.open(db), "amal")
    try:
        return gather_claims(project, "amal")
    finally:
        project.close()


def refs(parties: list) -> set[str]:  # type: ignore[type-arg]
    return {p["ref"] for p in parties}


def test_the_ledger_lists_the_north_korean_troop_and_arms_claims_grouped_with_claimants_and_deniers(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    groups = {g.key: g for g in group_claims(demo_claims(demo_db))}
    troops = groups["troop_deployment|north-korea"]
    assert troops.contested
    assert len(troops.claims) == 6
    assert {m.ref for m in troops.parties(Position.ASSERTS)} == {"pentagon", "mark-rutte", "seoul", "foreign-policy"}
    assert {m.ref for m in troops.parties(Position.DENIES)} == {"vladimir-putin"}
    arms = groups["arms_transfer|north-korea"]
    assert arms.contested
    assert {m.ref for m in arms.parties(Position.ASSERTS)} == {"the-west", "united-states", "foreign-policy"}
    assert {m.ref for m in arms.parties(Position.DENIES)} == {"russia", "north-korea"}
    aid = groups["military_aid|north-korea"]
    assert not aid.contested
    assert [c.date for c in aid.claims] == ["2022", None]  # a nested DATE span dates a claim; undated last

    # The command line gives the same ledger.
    assert main(["--db", str(demo_db), "--annotator", "amal", "claims", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_key = {g["key"]: g for g in report["groups"]}
    assert list(by_key)[:2] == ["troop_deployment|north-korea", "arms_transfer|north-korea"]  # contested first
    for key, group in groups.items():
        assert by_key[key]["contested"] is group.contested
        assert refs(by_key[key]["asserted_by"]) == {m.ref for m in group.parties(Position.ASSERTS)}
        assert refs(by_key[key]["denied_by"]) == {m.ref for m in group.parties(Position.DENIES)}
        assert [c["id"] for c in by_key[key]["claims"]] == [c.id for c in group.claims]
    assert report["claims"] == sum(len(g.claims) for g in groups.values())


def test_the_jsonl_line_of_a_claim_carries_exact_offsets_of_every_span_it_names(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert main(["--db", str(demo_db), "--annotator", "amal", "claims", "-o", str(out)]) == 0
    project = Project(SqliteRepository.open(demo_db), "amal")
    try:
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(lines) == 12
        for line in lines:
            text = project.document(line["doc_id"]).text
            assert text[line["start"] : line["end"]] == line["text"]
            named = [*line["claimants"], *line["sources"], *line["targets"], *line["denied_by"]]
            named += [line["date_span"]] if line["date_span"] else []
            for mention in named:
                assert text[mention["start"] : mention["end"]] == mention["text"]
                stored = project.repository.span(mention["span"])
                assert stored is not None and (stored.start, stored.end) == (mention["start"], mention["end"])
        assert all(line["offset_unit"] == "codepoint" for line in lines)
    finally:
        project.close()


def test_offsets_stay_code_points_after_an_astral_character(tmp_path: Path) -> None:
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "amal")
    try:
        text = "😀𝔸 قالت سيول إن القوات وصلت في 8 أكتوبر 2024"
        (document_id,) = project.import_texts([IncomingText("t", "t.txt", text)]).added
        spans = {}
        for label, words in (("CLAIM", "القوات وصلت في 8 أكتوبر 2024"), ("GPE", "سيول"), ("DATE", "8 أكتوبر 2024")):
            start = text.index(words)
            edit = project.add_span(document_id, start, start + len(words), label)
            project.apply(edit)
            spans[label] = edit.span
        project.apply(project.add_relation("CLAIMANT", spans["CLAIM"], spans["GPE"]))
        (group,) = group_claims(gather_claims(project, "amal"))
        (line,) = [json.loads(x) for x in ledger_jsonl([group]).splitlines()]
    finally:
        project.close()
    assert text[line["start"] : line["end"]] == line["text"] == "القوات وصلت في 8 أكتوبر 2024"
    assert line["claimants"][0]["start"] == text.index("سيول")
    assert line["date"] == "2024-10-08" and line["date_span"]["text"] == "8 أكتوبر 2024"


def test_csv_cells_cannot_run_as_formulas(demo_db: Path) -> None:
    claims = demo_claims(demo_db)
    hostile = claims[0].span.__class__(**{**claims[0].span.__dict__, "text": '=HYPERLINK("x")'})
    claims[0] = claims[0].__class__(**{**claims[0].__dict__, "span": hostile})
    rows = list(csv.reader(io.StringIO(ledger_csv(group_claims(claims)).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("x")' in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert len(rows) == 1 + len(claims)
    assert ledger_jsonl(group_claims(claims)).count(b"\n") == len(claims)


def test_joins_and_splits_regroup_claims_and_survive_a_round_trip(demo_db: Path) -> None:
    claims = demo_claims(demo_db)
    groups = {g.key: g for g in group_claims(claims)}
    troops, aid = groups["troop_deployment|north-korea"], groups["military_aid|north-korea"]
    joined = GroupChoices().joined([troops, aid])
    regrouped = {g.key: g for g in group_claims(claims, GroupChoices.from_json(joined.to_json()))}
    assert "military_aid|north-korea" not in regrouped
    assert len(regrouped["troop_deployment|north-korea"].claims) == 8
    putin_claim = next(c for c in troops.claims if c.deniers)
    split = joined.split([putin_claim])
    alone = [g for g in group_claims(claims, split) if putin_claim in g.claims]
    assert len(alone) == 1 and alone[0].claims == (putin_claim,)
    rest = next(g for g in group_claims(claims, split) if g.key == "troop_deployment|north-korea")
    assert not rest.contested  # nobody left in it denies
    restored = split.restored(claims)
    assert {g.key: len(g.claims) for g in group_claims(claims, restored)} == {
        k: len(g.claims) for k, g in groups.items()
    }


def test_filters_by_entity_type_stance_and_date(demo_db: Path) -> None:
    claims = demo_claims(demo_db)
    assert len(ClaimFilter(entity="vladimir-putin").apply(claims)) == 1
    assert len(ClaimFilter(entity="بوليسي").apply(claims)) == 2  # words of a name, in Arabic
    assert len(ClaimFilter(entity="pentagon", claim_type="arms_transfer").apply(claims)) == 0
    assert {c.stance for c in ClaimFilter(stance="alleged").apply(claims)} == {"alleged"}
    assert [c.date for c in ClaimFilter(date_from="2020", date_to="2023").apply(claims)] == ["2022"]


@pytest.mark.parametrize(
    ("text", "fallback", "expected"),
    [
        ("23 يونيو 2025", None, "2025-06-23"),
        ("يونيو/حزيران 2024", None, "2024-06"),
        ("عام ٢٠٢٢", None, "2022"),
        ("من 8 إلى 13 أكتوبر الماضي", None, None),
        ("من 8 إلى 13 أكتوبر الماضي", "2024-11-02", "2024-10-08"),
        ("تشرين الأول 2023", None, "2023-10"),
        ("آب 2023", None, "2023-08"),
        ("2024-06-19", None, "2024-06-19"),
        ("الجمعة", None, None),
    ],
)
def test_dates_are_read_from_arabic_date_spans(text: str, fallback: str | None, expected: str | None) -> None:
    assert parse_date(text, fallback) == expected


def test_a_document_date_comes_from_its_metadata() -> None:
    assert document_date({"published": "2024-11-02T10:00:00Z"}) == "2024-11-02"
    assert document_date({"date": "soon"}) is None


def test_a_group_lists_its_parties_in_order_of_date_not_of_the_text(tmp_path: Path) -> None:
    later = "قالت سيول إن قوات كوريا الشمالية وصلت في 8 أكتوبر 2024"
    earlier = "وقال البنتاغون إن قوات كوريا الشمالية وصلت في 3 مايو 2022"
    text = f"{later}.\n\n{earlier}."
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "amal")
    try:
        (document_id,) = project.import_texts([IncomingText("t", "t.txt", text)]).added

        def add(words: str, label: str, after: int, ref: str | None = None) -> Span:
            start = text.index(words, after)
            edit = project.add_span(document_id, start, start + len(words), label, ref)
            project.apply(edit)
            return edit.span

        for sentence, speaker in ((later, "سيول"), (earlier, "البنتاغون")):
            here = text.index(sentence)
            claim = add(sentence[sentence.index("قوات") :], "CLAIM", here)
            for name, value in (("claim_type", "troop_deployment"), ("stance", "asserted")):
                change = project.set_attribute(claim, name, value)
                project.apply(change)
                claim = change.after
            add(sentence[sentence.index("في ") + 3 :], "DATE", here)
            project.apply(project.add_relation("CLAIMANT", claim, add(speaker, "ORG", here)))
            project.apply(project.add_relation("TARGET", claim, add("كوريا الشمالية", "GPE", here, "north-korea")))
        (group,) = group_claims(gather_claims(project, "amal"))
    finally:
        project.close()
    assert [s.date for s in group.stands()] == ["2022-05-03", "2024-10-08"]
    assert [m.text for m in group.parties(Position.ASSERTS)] == ["البنتاغون", "سيول"]


def test_the_plain_ledger_prints_one_line_per_group_stand_and_claim_in_tab_separated_columns(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_db), "--annotator", "amal", "claims"]) == 0
    lines = capsys.readouterr().out.splitlines()
    groups = group_claims(demo_claims(demo_db))
    assert len(lines) == sum(1 + len(g.stands()) + len(g.claims) for g in groups)
    assert not any("\\t" in line or "\\n" in line for line in lines)
    claim_lines = [line.split("\t") for line in lines if line.count("\t") == 5]
    # Piped, the Arabic stays in logical order: each claim's text is the stored text, with its offsets.
    assert [cells[2:] for cells in claim_lines] == [
        [c.document_id, str(c.span.start), str(c.span.end), c.text] for g in groups for c in g.claims
    ]
    assert lines[0].startswith("! troop_deployment\t")
