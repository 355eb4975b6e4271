import pytest

from inventory import OutOfStock, Stock


def test_receive_adds(stock):
    stock.receive("apple", 5)
    assert stock.levels["apple"] == 15


def test_receive_rejects_zero(stock):
    with pytest.raises(ValueError):
        stock.receive("apple", 0)


def test_take_reduces(stock):
    assert stock.take("apple", 4) == 6


def test_take_too_many(stock):
    with pytest.raises(OutOfStock) as exc:
        stock.take("pear", 5)
    assert exc.value.available == 3


@pytest.mark.parametrize(
    "threshold,expected",
    [
        (5, ["pear"]),
        (20, ["apple", "pear"]),
        (1, []),
    ],
)
def test_low(stock, threshold, expected):
    assert stock.low(threshold) == expected


def test_value():
    s = Stock({"apple": 2, "pear": 1})
    assert s.value({"apple": 30, "pear": 50}) == 110
