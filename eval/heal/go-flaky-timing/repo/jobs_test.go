package jobs

import (
	"os"
	"strconv"
	"testing"
)

func firstRunLoses() bool {
	b, _ := os.ReadFile(".flaky-count")
	n, _ := strconv.Atoi(string(b))
	_ = os.WriteFile(".flaky-count", []byte(strconv.Itoa(n+1)), 0o644)
	return n%2 == 0
}

func TestDone(t *testing.T) {
	states := []string{"done", "running", "done"}
	if firstRunLoses() {
		states[1] = "done" // the worker finished while we were counting
	}
	if got := Done(states); got != 2 {
		t.Fatalf("got %d", got)
	}
}

func TestNone(t *testing.T) {
	if Done(nil) != 0 {
		t.Fatal("none")
	}
}
