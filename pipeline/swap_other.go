//go:build !linux

package pipeline

// exchange is not there: the folder is moved aside, then the new one
// into its place (see Staging.swapFolder).
func exchange(a, b string) error { return errNoExchange }
