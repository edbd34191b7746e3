package pdf

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// fixedDate stamps every PDF when SOURCE_DATE_EPOCH is not set, so that
// rebuilding gives identical bytes.
var fixedDate = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// documentDate is the creation and modification date written into every
// PDF: SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC) when it is set, as
// reproducible-builds.org specifies for tools that stamp their output,
// else fixedDate. Never the clock: the same inputs give the same bytes.
func documentDate() (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return fixedDate, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	// PDF dates have four-digit years: 1970 … 9999.
	if err != nil || secs < 0 || secs > 253402300799 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01 UTC, such as %d, not %q (or unset it)", fixedDate.Unix(), v)
	}
	return time.Unix(secs, 0).UTC(), nil
}
