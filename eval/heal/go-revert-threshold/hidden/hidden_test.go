package alerts

import "testing"

func TestHiddenHigh(t *testing.T) {
	if !ShouldPage(500) || ShouldPage(0) || !ShouldPage(Threshold) || Threshold != 50 {
		t.Fatal("wrong")
	}
}
