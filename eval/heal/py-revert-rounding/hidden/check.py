import os, sys
sys.path.insert(0, os.getcwd())
from app.money import to_cents
assert to_cents(0.125) == 13
assert to_cents(19.99) == 1999
assert to_cents(-1.005) == -101
print("ok")
