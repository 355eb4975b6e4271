MAX_RETRIES = 3


def attempts_left(done):
    return max(0, MAX_RETRYS - done)
