package billing

import "testing"

func TestSummary(t *testing.T) {
	if got := Summary("ada", []int{5, 7}); got != "ada owes 12" {
		t.Fatal(got)
	}
}
