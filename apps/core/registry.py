"""One small registry for everything apps plug into each other: permission rules, audit labels, engagement hooks,
stage guards, menu items, dashboard cards, scheduled jobs.

Registrations are made from an app's ``hooks.py`` / ``rules.py`` (imported by its ``AppConfig.ready``), so the
app that provides a thing owns it and the app that shows it never imports the provider::

    MENU = Registry("menu item")

    MENU.register("plans:list", NavItem(...), order=40)

    @STAGE_GUARDS.register("plans.hdr_approved", order=10)
    def hdr_must_be_approved(engagement, to_stage): ...

Double registration behaves one way everywhere: registering the *same* value under the same key again is a no-op
(``ready()`` can run twice in tests, a module can be imported twice), a *different* value under a taken key is an
error raised at start-up, not a silent override.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_MISSING = object()


@dataclass(frozen=True)
class Entry(Generic[T]):
    key: str
    value: T
    order: int
    seq: int  # registration order, the tie-breaker for equal ``order``


class AlreadyRegistered(RuntimeError):
    pass


class Registry(Generic[T]):
    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, Entry[T]] = {}
        self._seq = 0

    def register(self, key: str | None = None, value: Any = _MISSING, *, order: int = 100):
        """``register(key, value)`` directly, or ``@register(key)`` / ``@register()`` on a function or class.

        Without a key the decorated object's dotted path is the key.
        """
        if value is not _MISSING:
            self._add(key if key is not None else _dotted(value), value, order)
            return value

        def decorator(obj):
            self._add(key if key is not None else _dotted(obj), obj, order)
            return obj

        return decorator

    def _add(self, key: str, value: T, order: int) -> None:
        existing = self._entries.get(key)
        if existing is not None:
            if existing.value is value or existing.value == value:
                return
            raise AlreadyRegistered(f"{self.name} {key!r} is registered twice with different values.")
        self._seq += 1
        self._entries[key] = Entry(key=key, value=value, order=order, seq=self._seq)

    def unregister(self, key: str) -> None:
        """For tests that register a temporary entry."""
        self._entries.pop(key, None)

    def get(self, key: str, default: Any = None) -> T | None:
        entry = self._entries.get(key)
        return entry.value if entry is not None else default

    def __getitem__(self, key: str) -> T:
        try:
            return self._entries[key].value
        except KeyError as exc:
            raise KeyError(f"No {self.name} named {key!r}.") from exc

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[Entry[T]]:
        """Every entry in its explicit order (then registration order): what the introspection tests read."""
        return sorted(self._entries.values(), key=lambda e: (e.order, e.seq))

    def keys(self) -> list[str]:
        return [e.key for e in self.entries()]

    def values(self) -> list[T]:
        return [e.value for e in self.entries()]

    def __iter__(self) -> Iterator[T]:
        return iter(self.values())

    def filter(self, predicate: Callable[[Entry[T]], bool]) -> list[T]:
        return [e.value for e in self.entries() if predicate(e)]


def _dotted(obj: Any) -> str:
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None)
    if not module or not qualname:
        raise TypeError("A registration without a key needs a named function or class.")
    return f"{module}.{qualname}"
