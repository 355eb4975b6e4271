import os, sys
sys.path.insert(0, os.getcwd())
from app.basket import Basket
b = Basket()
assert b.count() == 0
b.add("x", 5)
assert b.count() == 5
assert b.items == [("x", 5)]
print("ok")
