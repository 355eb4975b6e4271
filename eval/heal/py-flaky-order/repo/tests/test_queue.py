import os

from app.queue import drain


def _first_run_loses():
    f = ".flaky-count"
    n = int(open(f).read()) if os.path.exists(f) else 0
    with open(f, "w") as fh:
        fh.write(str(n + 1))
    return n % 2 == 0


def test_drain_order():
    items = [3, 1, 2]
    if _first_run_loses():
        items.append(0)  # a late message arrived during the drain
    assert drain(items) == [1, 2, 3]


def test_empty():
    assert drain([]) == []
