"""The HDR pages: thin views over the selectors and services. Every URL starts from the engagement the user may
see (404 otherwise); writes check the plan rules (404 for those who may only read).

A package along the sections of the former module; every name is importable from here as before."""

from .comments import (  # noqa: F401
    comment_create,
    comment_resolve,
)
from .common import (  # noqa: F401
    _detail_context,
    _plan_url,
)
from .documents import (  # noqa: F401
    PLAN_PDF_BUILDER,
    VERSION_PDF_BUILDER,
    history,
    pdf,
    xlsx,
)
from .lists import (  # noqa: F401
    PAGE_SIZE,
    PLAN_SORT_LABELS,
    _page,
    plan_list,
    review_list,
)
from .monitoring import (  # noqa: F401
    _action_monitoring_context,
    _monitoring_context,
    _monitoring_view,
    action_monitoring,
    action_progress,
    evidence_create,
    evidence_download,
    measurement_create,
    monitoring,
    report_create,
)
from .plan import (  # noqa: F401
    _action_form,
    _action_page,
    _editable_plan_view,
    _risk_page,
    action_create,
    action_delete,
    action_edit,
    create,
    detail,
    header_edit,
    risk_create,
    risk_delete,
    risk_edit,
    timeline,
)
from .review import (  # noqa: F401
    approve,
    new_version,
    request_changes,
    submit,
)
from .versions import (  # noqa: F401
    _current_snapshot,
    compare_versions,
    version_detail,
    versions,
)
