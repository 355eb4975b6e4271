from inventory.report import render


def test_render(stock, snapshot):
    assert render(stock) == snapshot


def test_render_no_low(stock):
    assert "LOW" not in render(stock, threshold=1)
