class Basket:
    def __init__(self):
        self.items = []

    def add(self, name, qty=1):
        self.items.append((name, qty))

    def count(self):
        return sum(q for _, q in self.itmes)
