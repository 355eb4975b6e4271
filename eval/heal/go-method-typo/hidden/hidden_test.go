package stack

import "testing"

func TestHiddenEmpty(t *testing.T) {
	var s Stack
	if _, ok := s.Peek(); ok {
		t.Fatal("empty stack has no top")
	}
	s.Push(1)
	s.Push(2)
	if v, _ := s.Peek(); v != 2 || s.Length() != 2 {
		t.Fatal("wrong top")
	}
}
