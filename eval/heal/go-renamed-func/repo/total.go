package billing

// CalcTotal sums line amounts in cents.
func CalcTotal(lines []int) int {
	sum := 0
	for _, l := range lines {
		sum += l
	}
	return sum
}
