from pathlib import Path

import pytest

from inventory.loader import LoadError, load_csv


def test_load(tmp_path: Path):
    f = tmp_path / "stock.csv"
    f.write_text("sku,qty\napple,3\npear,2\n")
    stock = load_csv(f)
    assert stock.levels == {"apple": 3, "pear": 2}


def test_missing_file(tmp_path: Path):
    with pytest.raises(LoadError, match="does not exist"):
        load_csv(tmp_path / "nope.csv")


def test_bad_row(tmp_path: Path):
    f = tmp_path / "bad.csv"
    f.write_text("sku,qty\napple,many\n")
    with pytest.raises(LoadError):
        load_csv(f)
