#!/usr/bin/env python3
"""Fill English translations after `make makemessages`, and list what is still missing.

    .venv/bin/python tools/po_fill.py                  # list untranslated or fuzzy entries
    .venv/bin/python tools/po_fill.py new.json         # [["Polski tekst", "English text"], ["l. poj.", ["sg", "pl"]]]

Saving through polib also keeps the catalogue's line wrapping as it is in the repository (makemessages rewraps
the whole file), so a branch's diff holds only its own entries; tools/po_merge.py merges parallel branches.
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main(argv: list[str]) -> int:
    catalogue = polib.pofile(str(PO))
    given = dict(json.loads(Path(argv[0]).read_text())) if argv else {}
    missing = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid in given:
            text = given[entry.msgid]
            if isinstance(text, list):
                entry.msgstr_plural = dict(enumerate(text))
            else:
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        done = entry.msgstr or (entry.msgstr_plural and all(entry.msgstr_plural.values()))
        if "fuzzy" in entry.flags or not done:
            missing.append(entry.msgid)
    catalogue.save()
    for msgid in missing:
        print(json.dumps(msgid, ensure_ascii=False))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
