from app.money import to_cents, fmt


def test_rounds_half_up():
    assert to_cents(2.675) == 268


def test_fmt():
    assert fmt(1234) == "12.34"
