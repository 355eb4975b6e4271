package cart

// Total sums prices in cents and applies a percentage discount.
func Total(prices []int, discountPct int) int {
	total := 0
	for _, p := range prices {
		total += p
	}
	total -= total * discountPct / 100
	return totl
}
