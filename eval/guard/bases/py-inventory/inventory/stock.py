"""Stock levels per SKU."""

from dataclasses import dataclass, field


class OutOfStock(Exception):
    def __init__(self, sku: str, wanted: int, available: int) -> None:
        super().__init__(f"{sku}: wanted {wanted}, only {available} left")
        self.sku = sku
        self.wanted = wanted
        self.available = available


@dataclass
class Stock:
    levels: dict[str, int] = field(default_factory=dict)

    def receive(self, sku: str, qty: int) -> None:
        if qty <= 0:
            raise ValueError(f"quantity must be positive: {qty}")
        self.levels[sku] = self.levels.get(sku, 0) + qty

    def take(self, sku: str, qty: int) -> int:
        available = self.levels.get(sku, 0)
        if qty > available:
            raise OutOfStock(sku, qty, available)
        self.levels[sku] = available - qty
        return self.levels[sku]

    def low(self, threshold: int = 5) -> list[str]:
        return sorted(sku for sku, n in self.levels.items() if n < threshold)

    def value(self, prices: dict[str, int]) -> int:
        return sum(prices[sku] * n for sku, n in self.levels.items())
