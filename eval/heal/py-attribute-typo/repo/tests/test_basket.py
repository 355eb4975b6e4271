from app.basket import Basket


def test_count():
    b = Basket()
    b.add("apple", 2)
    b.add("pear")
    assert b.count() == 3
