package queue

import (
	"encoding/json"
	"fmt"
	"os"
)

// Save writes the queue to path as JSON.
func (q *Queue) Save(path string) error {
	data, err := json.Marshal(q.items)
	if err != nil {
		return fmt.Errorf("encode queue: %w", err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("save queue: %w", err)
	}
	return nil
}

// Load reads a queue saved by Save.
func Load(path string, capacity int) (*Queue, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load queue: %w", err)
	}
	q := New(capacity)
	if err := json.Unmarshal(data, &q.items); err != nil {
		return nil, fmt.Errorf("decode queue %s: %w", path, err)
	}
	if len(q.items) > capacity {
		return nil, fmt.Errorf("queue %s has %d items, capacity %d", path, len(q.items), capacity)
	}
	return q, nil
}
