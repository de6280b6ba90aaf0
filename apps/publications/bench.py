"""The knowledge base's pages ``make bench`` measures (see apps.core.bench): browsing and full-text search over
the scale data's 3,300 published documents."""

from apps.core.bench import BENCH, BenchCase
from apps.documents.list_exports import export_query

from .exports import PUBLICATIONS

BENCH.register(
    "publications.browse",
    BenchCase(
        "Knowledge base, browse + filter",
        "publications:public_index",
        query="?document=summary",
        actor="anonymous",
        per_edition=False,
    ),
    order=60,
)
BENCH.register(
    "publications.search",
    BenchCase(
        "Knowledge base, search (2 words, no diacritics)",
        "publications:public_index",
        query="?q=szkolach+uczniow",
        actor="anonymous",
        per_edition=False,
    ),
    order=61,
)
BENCH.register(
    "publications.search_filtered",
    BenchCase(
        "Knowledge base, search + JST type filter",
        "publications:public_index",
        query="?q=budzetu+oswiaty&jst_kind=rural_gmina",
        actor="anonymous",
        per_edition=False,
    ),
    order=62,
)
BENCH.register(
    "publications.desk_export",
    BenchCase(
        "Publications export (CSV)",
        "publications:desk_export",
        {"slug": "edition.slug"},
        query="?" + export_query(PUBLICATIONS, "csv"),
    ),
    order=65,
)
