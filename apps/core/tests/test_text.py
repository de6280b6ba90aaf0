from apps.core.text import ascii_slug


def test_polish_letters_are_transliterated_not_dropped():
    assert ascii_slug("Powiat bolesławiecki") == "powiat-boleslawiecki"
    assert ascii_slug("ŁÓDŹ, Żółć ąęśń") == "lodz-zolc-aesn"


def test_fallback_and_length():
    assert ascii_slug("!!!", fallback="jst") == "jst"
    assert ascii_slug("Gmina " * 30, max_length=12) == "gmina-gmina"
