package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The README installs raftsheet with CGO_ENABLED=0, and builds it so for
// Gradescope's Linux: that binary is static, needing no C library of the
// machine it runs on (no ELF interpreter, no shared library). Where a C
// compiler is installed, a build without it is not, which is why the
// README says it.
func TestReadmeBuildIsStatic(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(b)), " ")
	for _, cmd := range []string{
		"CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build ./cmd/raftsheet",
		"CGO_ENABLED=0 go install github.com/raftsheet/raftsheet/cmd/raftsheet@latest",
	} {
		if !strings.Contains(readme, cmd) {
			t.Errorf("the README no longer says %q", cmd)
		}
	}
	static := buildWith(t, "CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64")
	if interp, libs := dynamic(t, static); interp || len(libs) > 0 {
		t.Errorf("built with CGO_ENABLED=0, the binary asks for an interpreter (%v) or C libraries %v", interp, libs)
	}
	if _, err := exec.LookPath("gcc"); err != nil || runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		return // no C compiler here: a plain build is static too
	}
	if interp, libs := dynamic(t, buildWith(t, "CGO_ENABLED=1")); !interp && len(libs) == 0 {
		t.Log("a plain build is static here too: the README's CGO_ENABLED=0 is no longer needed")
	}
}

// buildWith builds raftsheet with the environment settings env.
func buildWith(t *testing.T, env ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "raftsheet")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Env = append(os.Environ(), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build with %v: %v\n%s", env, err, b)
	}
	return out
}

// dynamic reports whether the ELF binary at path has an interpreter, and
// which shared libraries it needs.
func dynamic(t *testing.T, path string) (interp bool, libs []string) {
	t.Helper()
	f, err := elf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		interp = interp || p.Type == elf.PT_INTERP
	}
	libs, err = f.ImportedLibraries()
	if err != nil {
		t.Fatal(err)
	}
	return interp, libs
}
