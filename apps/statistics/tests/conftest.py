from apps.engagements.tests.conftest import cast  # noqa: F401  (the engagement's small cast)
