import os, sys
sys.path.insert(0, os.getcwd())
from app.retry import attempts_left, MAX_RETRIES
assert MAX_RETRIES == 3
assert attempts_left(0) == 3
assert attempts_left(7) == 0
print("ok")
