"""Every migration of ours can be undone (a deployment can be rolled back): the whole schema migrated to zero and back.

PostgreSQL only, like the production database (CI runs the suite on both); one round trip of every migration.
"""

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="Migrations are rolled back on PostgreSQL in CI."),
]


def _tables():
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def test_every_migration_is_reversible_down_to_zero_and_back():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    # Ours: the packages' own migrations (Django's, django-tasks') are theirs to keep reversible or not.
    ours = sorted({config.label for config in apps.get_app_configs() if config.name.startswith("apps.")})
    ours = [label for label in ours if label in {app for app, _ in leaves}]
    before = _tables()

    executor.migrate([(app, None) for app in ours])
    executor.loader.build_graph()
    prefixes = tuple(f"{label}_" for label in ours)
    left = sorted(table for table in _tables() if table.startswith(prefixes))
    assert not left, f"tables left after migrating to zero: {left}"

    executor = MigrationExecutor(connection)
    executor.migrate(leaves)
    executor.loader.build_graph()
    assert not executor.migration_plan(leaves)
    assert _tables() == before
