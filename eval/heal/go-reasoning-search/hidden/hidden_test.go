package search

import "testing"

func TestHiddenSingle(t *testing.T) {
	if Index([]int{9}, 9) != 0 || Index(nil, 1) != -1 || Index([]int{1, 2}, 2) != 1 {
		t.Fatal("wrong")
	}
}
