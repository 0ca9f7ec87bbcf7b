"""``hashiya search QUERY``: folded Arabic search over the corpus, every hit with its offsets.

Plain output is one hit per line, tab-separated: document id, start, end, and the hit in its
context with the hit between « and » (line breaks in the context shown as spaces). On a terminal
the context is shaped and put in visual order, and a summary line follows; piped output stays in
logical order, as stored, and has no summary, so scripts can cut and grep it. A registry name
finds its other spellings; ``--short-aliases`` finds its short aliases too (كيم, لافروف). ``--json`` gives one
object with the counts per document and every hit.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from annotator.occurrences import alias_groups
from annotator.project import Project
from annotator.search import Hit, SearchResult, search_corpus
from cli.terminal import BidiMode, escape_controls, for_terminal, wants_visual


def search_project(project: Project, query: str, *, whole_word: bool, short_aliases: bool = False) -> SearchResult:
    """Search every document from the folded texts the store keeps (``annotator.search.search_corpus``)."""
    corpus = project.repository.folded_corpus()
    return search_corpus(
        corpus,
        query,
        whole_word=whole_word,
        alias_groups=alias_groups(project.registry),
        short_aliases=short_aliases,
    )


def hit_context(hit: Hit) -> str:
    """The hit between « and » in its context, on one line."""
    return " ".join(f"{hit.left}«{hit.text}»{hit.right}".splitlines())


def search(
    project: Project,
    query: str,
    as_json: bool,
    whole_word: bool,
    bidi: BidiMode,
    out: TextIO,
    err: TextIO | None = None,
    *,
    short_aliases: bool = False,
) -> int:
    err = err if err is not None else sys.stderr
    if not query.strip():
        print("hashiya: the search query is empty", file=err)
        return 2
    result = search_project(project, query, whole_word=whole_word, short_aliases=short_aliases)
    if as_json:
        report = {
            "query": query,
            "whole_word": whole_word,
            "short_aliases": short_aliases,
            "total": result.total,
            "counts": result.counts,
            "hits": [hit._asdict() for hit in result.hits],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
        return 0
    visual = wants_visual(bidi, out)
    for hit in result.hits:
        print(
            f"{escape_controls(hit.doc_id)}\t{hit.start}\t{hit.end}\t{for_terminal(hit_context(hit), visual)}", file=out
        )
    if out.isatty():
        print(f"{result.total} hit(s) in {len(result.counts)} document(s)", file=out)
    return 0
