"""The publications pages, in parts: the summary, consents, the organiser's desk, the public knowledge base."""

from .consent import consents, withdraw
from .public import attachment as public_attachment
from .public import detail as public_detail
from .public import edition_page, feed, index, open_data_csv, open_data_json, pdf
from .staff import desk, desk_export, feature, publish_all, publish_one, settings_edit, structure_edit, structures_list
from .summary import (
    accept,
    attachment_add,
    attachment_download,
    attachment_remove,
    comment,
    detail,
    edit,
    new_version,
    request_changes,
    start,
    submit,
    version_detail,
    version_pdf,
)

__all__ = [
    "accept",
    "attachment_add",
    "attachment_download",
    "attachment_remove",
    "comment",
    "consents",
    "desk",
    "desk_export",
    "detail",
    "edit",
    "edition_page",
    "feature",
    "feed",
    "index",
    "new_version",
    "open_data_csv",
    "open_data_json",
    "pdf",
    "public_attachment",
    "public_detail",
    "publish_all",
    "publish_one",
    "request_changes",
    "settings_edit",
    "start",
    "structure_edit",
    "structures_list",
    "submit",
    "version_detail",
    "version_pdf",
    "withdraw",
]
