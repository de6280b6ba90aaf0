import pytest

from apps.core.registry import AlreadyRegistered, Registry


def test_entries_come_in_explicit_order_then_registration_order():
    reg = Registry("thing")
    reg.register("c", 3, order=20)
    reg.register("a", 1, order=10)
    reg.register("b", 2, order=20)
    assert reg.keys() == ["a", "c", "b"]
    assert reg.values() == [1, 3, 2]
    assert list(reg) == [1, 3, 2]
    assert "a" in reg and "z" not in reg
    assert reg["b"] == 2 and reg.get("z") is None
    with pytest.raises(KeyError, match="No thing named 'z'"):
        reg["z"]


def test_same_value_twice_is_a_no_op_a_different_value_is_an_error():
    reg = Registry("rule")

    @reg.register("x.y")
    def first(): ...

    reg.register("x.y", first)  # ready() running twice
    assert len(reg) == 1

    def second(): ...

    with pytest.raises(AlreadyRegistered, match="rule 'x.y' is registered twice"):
        reg.register("x.y", second)


def test_decorator_without_a_key_uses_the_dotted_path():
    reg = Registry("provider")

    @reg.register(order=5)
    def provider(): ...

    assert reg.keys() == [f"{__name__}.test_decorator_without_a_key_uses_the_dotted_path.<locals>.provider"]
    reg.unregister(reg.keys()[0])
    assert len(reg) == 0
