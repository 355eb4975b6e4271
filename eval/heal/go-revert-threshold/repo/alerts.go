package alerts

// Threshold is the error rate (per mille) that pages someone.
const Threshold = 50

// ShouldPage reports whether an error rate pages.
func ShouldPage(perMille int) bool { return perMille >= Threshold }
