"""How each recorded action reads in the history pages. Apps describe their own actions (from ``AppConfig.ready``)."""

_LABELS: dict[str, str] = {}


def describe(labels: dict[str, str]) -> None:
    """Register the Polish (translatable, lazy) label of each action code an app records."""
    for action, label in labels.items():
        if action in _LABELS and _LABELS[action] != label:
            raise RuntimeError(f"Audit action {action!r} is described twice.")
        _LABELS[action] = label


def label_for(action: str) -> str:
    """The human label of ``action``; the code itself when no app described it."""
    return str(_LABELS.get(action, action))
