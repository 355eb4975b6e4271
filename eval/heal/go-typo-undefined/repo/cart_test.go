package cart

import "testing"

func TestTotal(t *testing.T) {
	if got := Total([]int{100, 250}, 0); got != 350 {
		t.Fatalf("got %d", got)
	}
}
