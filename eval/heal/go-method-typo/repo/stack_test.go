package stack

import "testing"

func TestPeek(t *testing.T) {
	var s Stack
	s.Push(4)
	if v, ok := s.Peek(); !ok || v != 4 {
		t.Fatalf("got %d %v", v, ok)
	}
}
