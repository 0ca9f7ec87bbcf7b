"""The claims ledger of an open project: its claims grouped as the analyst's stored joins and splits say.

The joins and splits are a project resource (``claim_groups``), changed like the schema and the
registry: each change is one transaction and is kept in the edit log.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.claims import CLAIM_GROUPS_RESOURCE, Claim, ClaimGroup, GroupChoices, gather_claims, group_claims
from annotator.project import Project, now_iso


def group_choices(project: Project) -> GroupChoices:
    return GroupChoices.from_json(project.repository.resource(CLAIM_GROUPS_RESOURCE))


def store_group_choices(project: Project, choices: GroupChoices) -> None:
    project.repository.set_resource(CLAIM_GROUPS_RESOURCE, choices.to_json(), project.annotator, now_iso())


def ledger(project: Project, annotator: str) -> list[ClaimGroup]:
    """``annotator``'s claims over the corpus, grouped with the project's stored joins and splits."""
    return group_claims(gather_claims(project, annotator), group_choices(project))


def join_groups(project: Project, groups: Iterable[ClaimGroup]) -> None:
    """Make ``groups`` one ("the same claim"), in the first of them; read again before writing."""
    store_group_choices(project, group_choices(project).joined(list(groups)))


def split_claims(project: Project, claims: Iterable[Claim]) -> None:
    """Put ``claims`` in a group of their own."""
    store_group_choices(project, group_choices(project).split(claims))


def restore_claims(project: Project, claims: Iterable[Claim]) -> None:
    """Put ``claims`` back in the groups of their type and targets."""
    store_group_choices(project, group_choices(project).restored(claims))
