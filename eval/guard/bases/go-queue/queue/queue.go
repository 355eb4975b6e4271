// Package queue is a bounded FIFO queue with a persisted snapshot.
package queue

import "errors"

// ErrEmpty is returned by Pop on an empty queue.
var ErrEmpty = errors.New("queue: empty")

// ErrFull is returned by Push when the queue is at capacity.
var ErrFull = errors.New("queue: full")

// Queue holds at most Cap items.
type Queue struct {
	items []string
	Cap   int
}

// New makes an empty queue with the given capacity.
func New(capacity int) *Queue {
	return &Queue{Cap: capacity}
}

// Push appends an item.
func (q *Queue) Push(item string) error {
	if len(q.items) >= q.Cap {
		return ErrFull
	}
	q.items = append(q.items, item)
	return nil
}

// Pop removes the oldest item.
func (q *Queue) Pop() (string, error) {
	if len(q.items) == 0 {
		return "", ErrEmpty
	}
	item := q.items[0]
	q.items = q.items[1:]
	return item, nil
}

// Len is the number of queued items.
func (q *Queue) Len() int {
	return len(q.items)
}
