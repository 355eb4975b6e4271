from app.calendar_rules import is_leap, days_in_february


def test_common():
    assert not is_leap(2023)


def test_century():
    assert not is_leap(1900)
    assert is_leap(2000)


def test_february():
    assert days_in_february(2024) == 29
