package search

// Index returns the position of x in the sorted slice, or -1.
func Index(sorted []int, x int) int {
	lo, hi := 0, len(sorted)-1
	for lo < hi {
		mid := (lo + hi) / 2
		switch {
		case sorted[mid] == x:
			return mid
		case sorted[mid] < x:
			lo = mid + 1
		default:
			hi = mid - 1
		}
	}
	return -1
}
