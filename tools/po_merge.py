#!/usr/bin/env python3
"""Git merge driver for gettext catalogues: the union of both sides' entries (ours wins on a differing msgstr).

Parallel branches each add translations to locale/en/LC_MESSAGES/django.po; a line-based merge conflicts on
almost every such pair. Registered by `make setup` (git config merge.po.driver) and .gitattributes.
Usage: po_merge.py BASE OURS THEIRS  (writes the result into OURS, as git expects).
"""

import sys

import polib


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def main(base_path, ours_path, theirs_path):
    ours = polib.pofile(ours_path)
    theirs = polib.pofile(theirs_path)
    base = {key(e): e for e in polib.pofile(base_path)}
    have = {key(e): e for e in ours}
    for entry in theirs:
        mine = have.get(key(entry))
        if mine is None:
            ours.append(entry)
            have[key(entry)] = entry
        elif mine.msgstr != entry.msgstr and key(entry) in base and base[key(entry)].msgstr == mine.msgstr:
            # only theirs changed the translation
            mine.msgstr = entry.msgstr
            mine.msgstr_plural = entry.msgstr_plural
            mine.flags = entry.flags
    ours.save(ours_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
