"""How each recorded action reads in the history pages. Apps describe their own actions (from ``AppConfig.ready``)."""

from apps.core.registry import Registry

LABELS: Registry[str] = Registry("audit action label")


def describe(labels: dict[str, str]) -> None:
    """Register the Polish (translatable, lazy) label of each action code an app records."""
    for action, label in labels.items():
        LABELS.register(action, label)


def label_for(action: str) -> str:
    """The human label of ``action``; the code itself when no app described it."""
    return str(LABELS.get(action, action))


def described_actions() -> list[str]:
    return LABELS.keys()
