import os, sys
sys.path.insert(0, os.getcwd())
from app.stats import median
assert median([1, 2]) == 1.5
assert median([5]) == 5
assert median([10, 2, 38, 23, 38, 23]) == 23
print("ok")
