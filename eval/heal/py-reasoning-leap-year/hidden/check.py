import os, sys
sys.path.insert(0, os.getcwd())
from app.calendar_rules import is_leap
assert not is_leap(2100)
assert is_leap(2400)
assert is_leap(1996)
print("ok")
