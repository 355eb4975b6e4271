package billing

import "testing"

func TestHiddenEmpty(t *testing.T) {
	if got := Summary("x", nil); got != "x owes 0" {
		t.Fatal(got)
	}
	if CalculateTotal([]int{1, 2}) != 3 {
		t.Fatal("renamed API broken")
	}
}
