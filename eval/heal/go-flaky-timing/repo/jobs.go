package jobs

// Done counts finished jobs.
func Done(states []string) int {
	n := 0
	for _, s := range states {
		if s == "done" {
			n++
		}
	}
	return n
}
