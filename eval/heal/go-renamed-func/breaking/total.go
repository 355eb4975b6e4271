package billing

// CalculateTotal sums line amounts in cents.
func CalculateTotal(lines []int) int {
	sum := 0
	for _, l := range lines {
		sum += l
	}
	return sum
}
