"""Plain-text stock report."""

from .stock import Stock


def render(stock: Stock, threshold: int = 5) -> str:
    lines = [f"{sku:<10} {n:>5}" for sku, n in sorted(stock.levels.items())]
    low = stock.low(threshold)
    if low:
        lines.append("")
        lines.append("LOW: " + ", ".join(low))
    return "\n".join(lines)
