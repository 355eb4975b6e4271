from decimal import Decimal, ROUND_HALF_UP


def to_cents(amount):
    return int(amount * 100)


def fmt(cents):
    return f"{cents / 100:.2f}"
