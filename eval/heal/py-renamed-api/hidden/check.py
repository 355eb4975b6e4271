import os, sys
sys.path.insert(0, os.getcwd())
from app.service import greeting
from app import users
assert greeting(3) == "hello stranger"
assert greeting(2) == "hello grace"
assert hasattr(users, "fetch_user") and not hasattr(users, "get_user")
print("ok")
