"""What apps above the catalogue add to a catalogue version, without the catalogue importing them.

- ``DRAFT_COPIERS``: ``copier(source=, draft=)`` runs inside ``create_draft_version`` after the catalogue's own
  contents are copied (the training programmes copy themselves into the new draft).
- ``PUBLISHED_LISTENERS``: ``listener(version=, by=)`` runs inside ``publish_version`` once the version is published
  (the feedback register marks the remarks the version implements and tells their authors).
- ``VERSION_SECTIONS``: ``provider(version, user)`` answers a ``Section`` (or None) shown on the version's page and,
  for the current version, on the public model page (the change log: what changed and why).
"""

from apps.core.registry import Registry
from apps.core.sections import Section as VersionSection
from apps.core.sections import sections_from

__all__ = ["DRAFT_COPIERS", "PUBLISHED_LISTENERS", "VERSION_SECTIONS", "VersionSection", "sections_for"]

DRAFT_COPIERS: Registry = Registry("catalogue draft copier")
PUBLISHED_LISTENERS: Registry = Registry("catalogue published listener")
VERSION_SECTIONS: Registry = Registry("catalogue version section")


def sections_for(version, user) -> list[VersionSection]:
    if version is None:
        return []
    return sections_from(VERSION_SECTIONS, version, user)


def copy_into_draft(source, draft) -> None:
    for copier in DRAFT_COPIERS:
        copier(source=source, draft=draft)


def announce_published(version, by) -> None:
    for listener in PUBLISHED_LISTENERS:
        listener(version=version, by=by)
