package queue

import (
	"os"
	"testing"
)

func TestRender(t *testing.T) {
	q := New(3)
	_ = q.Push("build")
	_ = q.Push("deploy")
	want, err := os.ReadFile("testdata/render.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Render(); got != string(want) {
		t.Errorf("Render =\n%s\nwant\n%s", got, want)
	}
}
