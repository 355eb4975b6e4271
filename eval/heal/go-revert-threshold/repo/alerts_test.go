package alerts

import "testing"

func TestPages(t *testing.T) {
	if !ShouldPage(50) || ShouldPage(49) {
		t.Fatal("threshold is 50 per mille")
	}
}
