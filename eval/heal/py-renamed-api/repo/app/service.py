from app import users


def greeting(user_id):
    name = users.get_user(user_id)
    return f"hello {name or 'stranger'}"
