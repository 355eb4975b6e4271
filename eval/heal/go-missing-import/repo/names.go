package names

// Initials returns the upper-case first letters of each word.
func Initials(words []string) string {
	out := ""
	for _, w := range words {
		if w != "" {
			out += strings.ToUpper(w[:1])
		}
	}
	return out
}
