package queue

import (
	"path/filepath"
	"testing"
)

func TestSaveLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.json")
	q := New(3)
	_ = q.Push("x")
	_ = q.Push("y")
	if err := q.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Len() != 2 {
		t.Errorf("Len = %d, want 2", loaded.Len())
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "none.json"), 3); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}
