from apps.publications.redaction import redact


def test_names_go_in_every_case_and_form():
    names = ["Anna Liderka", "Bartosz Członkowski", "Ewa Nowak"]
    text = (
        "Anna Liderka otworzyła spotkanie. Rozmawialiśmy z Anną Liderką i Bartoszem Członkowskim; "
        "pani Nowak i EWA NOWAK przygotowały nowa szkołę. Kontakt: ewa@gmina.example."
    )
    result = redact(text, names, ["ewa@gmina.example"])
    for trace in ["Ann", "Lider", "Bartosz", "Członkowsk", "Nowak", "NOWAK", "ewa@"]:
        assert trace not in result, (trace, result)
    assert "nowa szkołę" in result and "otworzyła spotkanie" in result
