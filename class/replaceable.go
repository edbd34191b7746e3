package class

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// checkReplaceable refuses to replace a folder that holds anything a
// class set's build did not write, or an answer file edited since it was
// written (a student's answers, collected there): pipeline.Stage swaps
// the new set in for the folder whole, and those would be lost.
func checkReplaceable(dir string) error {
	st, err := os.Lstat(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is a file, not a class set's folder; choose another folder with -o", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return err
	}
	m, err := ReadManifest(dir)
	if err != nil {
		return fmt.Errorf("%s holds files but no class set (no manifest.json): building would replace them; move them elsewhere, or choose another folder with -o", dir)
	}
	written := m.files()
	var foreign []string
	for _, e := range entries {
		if !written[e.Name()] {
			foreign = append(foreign, e.Name())
		}
	}
	sums := map[string]string{}
	for _, s := range m.Students {
		sums[s.Answers] = s.AnswersSum
	}
	for _, g := range m.Groups {
		sums[g.Answers] = g.AnswersSum
	}
	var edited []string
	for name, sum := range sums {
		if name == "" || sum == "" {
			continue
		}
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && sha256Hex(b) != sum {
			edited = append(edited, name)
		}
	}
	sort.Strings(edited)
	switch {
	case len(foreign) > 0:
		return fmt.Errorf("%s holds %s, which the class set's build did not write: rebuilding replaces the whole folder; move %s elsewhere first, or build into another folder with -o",
			dir, listSome(foreign), plural(len(foreign), "it", "them"))
	case len(edited) > 0:
		return fmt.Errorf("%s: %s changed since the class set was built (students' answers?): rebuilding replaces the whole folder; move %s elsewhere first, or build into another folder with -o",
			dir, listSome(edited), plural(len(edited), "it", "them"))
	}
	return nil
}

// listSome names a few files, and how many more.
func listSome(names []string) string {
	if len(names) <= 3 {
		return andList(names)
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:3], ", "), len(names)-3)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
