package queue

import (
	"fmt"
	"strings"
)

// Render prints the queue, oldest first, one numbered item per line.
func (q *Queue) Render() string {
	var b strings.Builder
	fmt.Fprintf(&b, "queue %d/%d\n", len(q.items), q.Cap)
	for i, item := range q.items {
		fmt.Fprintf(&b, "%2d. %s\n", i+1, item)
	}
	return b.String()
}
