import os, sys
sys.path.insert(0, os.getcwd())
from app.cart import cart_total
assert cart_total([]) == 0
assert cart_total([3.333, 3.333]) == 6.67
assert cart_total([100], discount=0.25) == 75
print("ok")
