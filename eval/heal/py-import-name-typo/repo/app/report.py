from app.text import slugfy


def report_filename(title):
    return slugfy(title) + ".pdf"
