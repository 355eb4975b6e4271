package cart

import "testing"

func TestHiddenDiscount(t *testing.T) {
	if got := Total([]int{1000}, 10); got != 900 {
		t.Fatalf("got %d", got)
	}
	if got := Total(nil, 50); got != 0 {
		t.Fatalf("got %d", got)
	}
}
