"""Every write on an HDR: the working plan and its actions and risks (optimistic locking), submission, review by
both advisors, frozen versions, comments, monitoring and reminders. Each write is one transaction with an audit
entry; steps of the review also go on the engagement's timeline and e-mail the people who act next.

A package along the sections of the former module; every name is importable from here as before."""

from .comments import (  # noqa: F401
    add_comment,
    set_comment_resolved,
)
from .common import (  # noqa: F401
    ACTION_FIELDS,
    HEADER_FIELDS,
    RISK_FIELDS,
    _advisor_emails,
    _label,
    _lock,
    _team_emails,
    check_editable,
)
from .monitoring import (  # noqa: F401
    _require_monitoring,
    add_evidence,
    add_measurement,
    add_progress_report,
    record_action_progress,
)
from .reminders import (  # noqa: F401
    _remind,
    _reminder_recipients,
    reminder_days,
    send_action_reminders,
)
from .review import (  # noqa: F401
    Problem,
    _current_review,
    _finalise_approval,
    _missing_action_fields,
    approvals_needed,
    approve_plan,
    request_changes,
    start_new_version,
    submission_problems,
    submit_plan,
)
from .working_plan import (  # noqa: F401
    _check_period,
    _clean_risk,
    _next_order,
    _set,
    create_action,
    create_plan,
    create_risk,
    default_period,
    delete_action,
    delete_risk,
    update_action,
    update_header,
    update_risk,
)
