//go:build unix

package infile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Read refuses, before reading, a folder, a FIFO (which would hang an
// open or a read), a device such as /dev/zero (which never ends) and a
// file over the cap; it reads a regular file, also through a symlink.
func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, make([]byte, 2049), 0o644)
	ok := filepath.Join(dir, "ok.yaml")
	os.WriteFile(ok, []byte("title: x\n"), 0o644)
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(ok, link)
	cases := []struct {
		path string
		want error
		says string
	}{
		{dir, ErrFolder, "is a folder"},
		{fifo, ErrNotRegular, "is not a regular file"},
		{"/dev/zero", ErrNotRegular, "is not a regular file"},
		{big, ErrTooLarge, "is larger than 2 KB"},
		{filepath.Join(dir, "missing.yaml"), fs.ErrNotExist, "no such file"},
	}
	for _, c := range cases {
		done := make(chan error, 1)
		go func() { _, err := Read(c.path, 2048); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) {
				t.Errorf("Read(%s) = %v, want %v saying %q", c.path, err, c.want, c.says)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Read(%s) hangs", c.path)
		}
	}
	for _, p := range []string{ok, link} {
		if b, err := Read(p, 2048); err != nil || string(b) != "title: x\n" {
			t.Errorf("Read(%s) = %q, %v", p, b, err)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{2 << 20: "2 MB", 512 << 10: "512 KB", 1000: "1000 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
