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
	if runtime.GOOS != "linux" || !cgoByDefault() {
		return // no C compiler here (or cgo switched off): a plain build is static too
	}
	if interp, libs := dynamic(t, buildWith(t, "CGO_ENABLED=")); !interp && len(libs) == 0 {
		t.Error("a plain build is static here, with cgo on: the README's reason for CGO_ENABLED=0 no longer holds; say so there")
	}
}

// cgoByDefault reports whether a build that does not set CGO_ENABLED
// uses cgo here: the go command's default, on where it finds a C
// compiler.
func cgoByDefault() bool {
	cmd := exec.Command("go", "env", "CGO_ENABLED")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=")
	out, err := cmd.Output()
	return err == nil && strings.TrimSpace(string(out)) == "1"
}

// buildWith builds raftsheet with the environment settings env, and no
// GOFLAGS (a -buildmode=pie there makes any binary ask for an
// interpreter).
func buildWith(t testing.TB, env ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "raftsheet")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Env = append(append(os.Environ(), "GOFLAGS="), env...) // as the README's command, whatever GOFLAGS says here
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
