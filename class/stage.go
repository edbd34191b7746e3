package class

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/pipeline"
)

// replaceDir makes a class set in a new folder beside dir and puts it in
// dir's place whole, once it is complete: a rebuild leaves no file of the
// build before it (a class of 6 rebuilt for 3 has 3 students), and a build
// that fails leaves the previous set as it was. Every class set's files
// go through here, so that the all-or-nothing swap of the output folder
// (package pipeline, issue 13) takes its place in one change.
func replaceDir(dir string, build func(stage string) error) error {
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	parent := filepath.Dir(dir)
	if err := pipeline.MakeOutputDir(parent); err != nil {
		return err
	}
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return &pipeline.OutputDirError{Dir: parent, Err: err}
	}
	defer os.RemoveAll(stage) // gone once renamed; else the failed build's files
	if err := build(stage); err != nil {
		return err
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(dir); os.IsNotExist(err) {
		return os.Rename(stage, dir)
	}
	old := strings.Replace(stage, ".new-", ".old-", 1)
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("cannot replace the class set in %s: %w", dir, err)
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir) // put the previous set back
		return fmt.Errorf("cannot replace the class set in %s: %w", dir, err)
	}
	return os.RemoveAll(old)
}

// checkReplaceable refuses to replace a folder that holds anything a
// class set's build did not write, or an answer file edited since it was
// written (a student's answers, collected there): those would be lost.
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
