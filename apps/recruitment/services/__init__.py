"""Every write of the recruitment: applicant accounts, drafts, submission, documents and receipts, notes,
decisions, results and the hand-over to the engagement. Each runs in one transaction and is audited.

A package along the sections of the former module; every name is importable from here as before."""

from .accounts import (  # noqa: F401
    register_applicant,
)
from .call import (  # noqa: F401
    add_attachment,
    remove_attachment,
    update_call,
)
from .common import (  # noqa: F401
    CALL_FIELDS,
    DOCUMENT_BUILDERS,
    SECTION_FIELDS,
    TEAM_FIELDS,
    Status,
    _applicant_addresses,
    _call_of,
    _d,
    _locked_application,
    document_job_kind,
    hand_over,
    notify_result,
    stored_call,
    team_data,
)
from .desk import (  # noqa: F401
    _close_reserve_gap,
    _withdraw_engagement,
    add_note,
    decide,
    first_on_reserve,
    withdraw_qualified,
)
from .documents import (  # noqa: F401
    _accepts_documents,
    _refresh_documents,
    _safe_filename,
    _signature_data,
    record_receipt,
    reject_receipt,
    upload_document,
)
from .drafts import (  # noqa: F401
    TeamRow,
    _bump,
    _editable,
    _live_application,
    _team_snapshot,
    existing_application_message,
    save_section,
    save_team,
    start_application,
)
from .results import (  # noqa: F401
    publish_due_results,
    publish_results,
)
from .submission import (  # noqa: F401
    prepare_documents,
    submit_application,
    withdraw_application,
)
