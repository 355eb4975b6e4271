def cart_total(prices, discount=0.0):
    total = sum(prices)
    total -= total * discount
    return round(totl, 2)
