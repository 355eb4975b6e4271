from app.cart import cart_total


def test_total():
    assert cart_total([1.5, 2.5]) == 4.0


def test_discount():
    assert cart_total([10.0], discount=0.1) == 9.0
