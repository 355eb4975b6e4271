from app.retry import attempts_left


def test_left():
    assert attempts_left(1) == 2
