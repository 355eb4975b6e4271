import pytest

from inventory import Stock


@pytest.fixture
def stock() -> Stock:
    s = Stock()
    s.receive("apple", 10)
    s.receive("pear", 3)
    return s
