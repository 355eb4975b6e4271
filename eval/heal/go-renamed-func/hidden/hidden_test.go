package billing

import "testing"

func TestHiddenEmpty(t *testing.T) {
	if got := Summary("x", nil); got != "x owes 0" {
		t.Fatal(got)
	}
	if got := Summary("y", []int{1, 2}); got != "y owes 3" {
		t.Fatal(got)
	}
}
