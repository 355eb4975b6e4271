import os, sys
sys.path.insert(0, os.getcwd())
from app.report import report_filename
assert report_filename("  Hello  World ") == "hello-world.pdf"
print("ok")
