def drain(items):
    return sorted(items)
