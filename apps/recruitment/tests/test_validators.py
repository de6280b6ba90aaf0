import pytest
from django.core.exceptions import ValidationError

from apps.recruitment.validators import normalise_phone, normalise_postal_code


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("22 570 83 42", "+48 22 570 83 42"),
        ("(22) 5708342", "+48 22 570 83 42"),
        ("+48 600-100-200", "+48 600 100 200"),
        ("0048600100200", "+48 600 100 200"),
        ("0 22 570 83 42", "+48 22 570 83 42"),
        ("22 570 83 42 wew. 12", "+48 22 570 83 42 wew. 12"),
        ("+49 30 1234567", "+49301234567"),
        ("", ""),
    ],
)
def test_phone_numbers_people_write_are_accepted_and_tidied(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("22 570 83", "9 cyfr"),
        ("22 570 83 42 1", "9 cyfr"),
        ("tel. 22 570 83 42", "tylko cyfry"),
        ("abc", "tylko cyfry"),
        ("012 345 678", "nie zaczyna się od zera"),
        ("+49 123", "od 8 do 15 cyfr"),
    ],
)
def test_bad_phone_numbers_are_refused_with_a_reason(typed, fragment):
    with pytest.raises(ValidationError) as error:
        normalise_phone(typed)
    assert fragment in error.value.messages[0]


def test_postal_codes():
    assert normalise_postal_code("00644") == "00-644"
    assert normalise_postal_code(" 59-700 ") == "59-700"
    for bad in ["0-644", "00-6444", "AB-123"]:
        with pytest.raises(ValidationError):
            normalise_postal_code(bad)
