package names

import "testing"

func TestHiddenEmpty(t *testing.T) {
	if got := Initials([]string{"", "ada"}); got != "A" {
		t.Fatal(got)
	}
}
