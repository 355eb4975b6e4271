import os, sys
sys.path.insert(0, os.getcwd())
from app.service import greeting
assert greeting(3) == "hello stranger"
assert greeting(2) == "hello grace"
print("ok")
