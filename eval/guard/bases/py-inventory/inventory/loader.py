"""Loads stock levels from CSV exports."""

import csv
from pathlib import Path

from .stock import Stock


class LoadError(Exception):
    pass


def load_csv(path: Path) -> Stock:
    stock = Stock()
    try:
        with path.open(newline="") as fh:
            for row in csv.DictReader(fh):
                stock.receive(row["sku"], int(row["qty"]))
    except FileNotFoundError:
        raise LoadError(f"{path} does not exist") from None
    except (KeyError, ValueError) as err:
        raise LoadError(f"{path}: bad row: {err}") from err
    return stock
