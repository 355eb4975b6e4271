package names

import "testing"

func TestInitials(t *testing.T) {
	if got := Initials([]string{"grace", "hopper"}); got != "GH" {
		t.Fatal(got)
	}
}
