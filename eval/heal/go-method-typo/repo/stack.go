package stack

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Length() int { return len(s.items) }

// Peek returns the top item and whether there was one.
func (s *Stack) Peek() (int, bool) {
	if s.Lenght() == 0 {
		return 0, false
	}
	return s.items[len(s.items)-1], true
}
