package search

import "testing"

func TestIndex(t *testing.T) {
	s := []int{1, 3, 5, 7}
	for i, v := range s {
		if got := Index(s, v); got != i {
			t.Fatalf("Index(%d) = %d, want %d", v, got, i)
		}
	}
	if Index(s, 4) != -1 {
		t.Fatal("4 is absent")
	}
}
