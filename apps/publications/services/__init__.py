"""Every write of the summaries, consents and publications (each name importable from the package)."""

from .common import check_editable
from .consent import consentable_version, record_consent, withdraw_consent
from .publishing import (
    index_publication,
    public_content,
    publish,
    publish_edition,
    set_featured,
    update_edition_publishing,
)
from .review import (
    accept_summary,
    add_comment,
    approvals_needed,
    build_snapshot,
    request_changes,
    start_new_version,
    submission_problems,
    submit_summary,
)
from .summary import (
    add_attachment,
    current_structure,
    ensure_structures,
    remove_attachment,
    save_structure,
    start_summary,
    update_summary,
)

__all__ = [
    "accept_summary",
    "add_attachment",
    "add_comment",
    "approvals_needed",
    "build_snapshot",
    "check_editable",
    "consentable_version",
    "current_structure",
    "ensure_structures",
    "index_publication",
    "public_content",
    "publish",
    "publish_edition",
    "record_consent",
    "remove_attachment",
    "request_changes",
    "save_structure",
    "set_featured",
    "start_new_version",
    "start_summary",
    "submission_problems",
    "submit_summary",
    "update_edition_publishing",
    "update_summary",
    "withdraw_consent",
]
