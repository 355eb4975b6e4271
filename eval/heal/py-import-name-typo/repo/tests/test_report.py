from app.report import report_filename


def test_filename():
    assert report_filename("Q3 Results!") == "q3-results.pdf"
