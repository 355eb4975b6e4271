package billing

import "fmt"

// Summary renders an invoice total.
func Summary(customer string, lines []int) string {
	return fmt.Sprintf("%s owes %d", customer, CalcTotal(lines))
}
