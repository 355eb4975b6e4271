package queue

import (
	"errors"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestPushPop(t *testing.T) {
	q := New(2)
	if err := q.Push("a"); err != nil {
		t.Fatal(err)
	}
	if err := q.Push("b"); err != nil {
		t.Fatal(err)
	}
	got, err := q.Pop()
	if err != nil {
		t.Fatal(err)
	}
	if got != "a" {
		t.Errorf("Pop = %q, want %q", got, "a")
	}
	if q.Len() != 1 {
		t.Errorf("Len = %d, want 1", q.Len())
	}
}

func TestPushFull(t *testing.T) {
	q := New(1)
	_ = q.Push("a")
	if err := q.Push("b"); !errors.Is(err, ErrFull) {
		t.Errorf("Push on full queue = %v, want ErrFull", err)
	}
}

func TestPopEmpty(t *testing.T) {
	_, err := New(1).Pop()
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("Pop on empty queue = %v, want ErrEmpty", err)
	}
}

func TestLen(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  int
	}{
		{"empty", nil, 0},
		{"one", []string{"a"}, 1},
		{"three", []string{"a", "b", "c"}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := New(5)
			for _, it := range tc.items {
				_ = q.Push(it)
			}
			if got := q.Len(); got != tc.want {
				t.Errorf("Len = %d, want %d", got, tc.want)
			}
		})
	}
}
