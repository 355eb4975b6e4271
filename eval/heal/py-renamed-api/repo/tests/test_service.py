from app.service import greeting


def test_known():
    assert greeting(1) == "hello ada"
