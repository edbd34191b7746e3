package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// Staging is a set of files being written for one folder, all or
// nothing: they go into a hidden staging folder beside their place, and
// Commit puts them all in place at once. A build that fails, or is
// killed, leaves the previous files as they were; a later build sweeps
// what a killed one left (and finishes a commit one was killed in the
// middle of). While a Staging is open, its folder is locked: a second
// build of the same folder waits for the first to finish.
//
// Two kinds: Stage writes a folder anew and swaps it in whole (a class
// set: none of the old set's files survive, and no reader ever sees half
// of each); StageFiles replaces some files of a folder and keeps the rest
// (a build's worksheet.pdf and key.pdf beside its class/ folder).
type Staging struct {
	dir   string // the folder the files are for
	home  string // where the staging folder is, and the lock: dir's parent (whole) or dir
	tmp   string // the staging folder
	whole bool
	lock  *folderLock
	done  bool
}

// Names of what a Staging leaves beside the folders it writes.
const (
	lockName      = ".raftsheet.lock"
	stagingPrefix = ".raftsheet-staging-"
	oldPrefix     = ".raftsheet-old-"
	commitSuffix  = ".commit"
)

// Stage begins writing the folder dir anew. Commit swaps the staged
// folder in for dir as a whole. dir must not be a symbolic link (see
// OutputFolder); its parent is created if need be.
func Stage(dir string) (*Staging, error) {
	if err := realFolder(dir); err != nil {
		return nil, err
	}
	home := filepath.Dir(dir)
	if err := MakeOutputDir(home); err != nil {
		return nil, err
	}
	return begin(dir, home, true)
}

// StageFiles begins replacing files of the folder dir, which is created
// if need be. Commit puts every staged file in place; dir's other files
// stay. dir may be a symbolic link to a folder (answers -o, check
// --report name a folder of the user's choice); a build's folders below
// -o are checked by OutputFolder first.
func StageFiles(dir string) (*Staging, error) {
	if err := MakeOutputDir(dir); err != nil {
		return nil, err
	}
	return begin(dir, dir, false)
}

func begin(dir, home string, whole bool) (*Staging, error) {
	lock, err := lockFolder(home)
	if err != nil {
		return nil, &OutputDirError{Dir: home, Err: err}
	}
	s := &Staging{dir: dir, home: home, whole: whole, lock: lock}
	if err := sweep(home); err != nil {
		s.Abort()
		return nil, &OutputDirError{Dir: home, Err: err}
	}
	if s.tmp, err = os.MkdirTemp(home, stagingPrefix); err != nil {
		s.Abort()
		return nil, &OutputDirError{Dir: home, Err: err}
	}
	return s, nil
}

// Dir is the folder the staged files are for.
func (s *Staging) Dir() string { return s.dir }

// Path is where to write the file name, which Commit then puts at
// Dir()/name. name is a plain file name: never a path, never "." or "..".
func (s *Staging) Path(name string) (string, error) {
	if err := plainName(name); err != nil {
		return "", fmt.Errorf("cannot write %s into %s: %w (a bug in raftsheet, please report it)", name, s.dir, err)
	}
	if strings.HasPrefix(name, stagingPrefix) || strings.HasPrefix(name, oldPrefix) || name == lockName {
		return "", fmt.Errorf("cannot write %s into %s: the name is raftsheet's own (a bug in raftsheet, please report it)", name, s.dir)
	}
	return filepath.Join(s.tmp, name), nil
}

// WriteFile writes data as the file name, durably.
func (s *Staging) WriteFile(name string, data []byte) error {
	p, err := s.Path(name)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return s.writeError(name, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err = errors.Join(err, f.Close()); err != nil {
		return s.writeError(name, err)
	}
	return nil
}

// writeError words a failure to write a staged file as one to write the
// file it stands for: the staging folder is raftsheet's business.
func (s *Staging) writeError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &WriteError{Path: filepath.Join(s.dir, name), Err: err}
}

// Commit puts every staged file in place, all at once, and ends the
// Staging. On an error nothing has changed: the previous files are as
// they were.
func (s *Staging) Commit() error {
	if s.done {
		return errors.New("the files were already committed or given up (a bug in raftsheet, please report it)")
	}
	defer s.Abort()
	if err := os.Chmod(s.tmp, 0o755); err != nil {
		return s.commitError(err)
	}
	var err error
	if s.whole {
		err = s.swapFolder()
	} else {
		err = s.moveFiles()
	}
	if err != nil {
		return s.commitError(err)
	}
	syncFolder(s.home)
	return nil
}

// swapFolder puts the staging folder in dir's place. Where the system
// swaps two folders at once (Linux), a reader sees the old folder or the
// new one, whole, and never neither. Elsewhere the old folder is moved
// aside first; a marker written before says the commit was decided, so
// that a build killed in between is finished by the next one.
func (s *Staging) swapFolder() error {
	if err := realFolder(s.dir); err != nil {
		return err
	}
	if _, err := os.Lstat(s.dir); errors.Is(err, fs.ErrNotExist) {
		return rename(s.tmp, s.dir)
	}
	switch err := exchangeFolders(s.tmp, s.dir); {
	case err == nil:
		return nil // s.tmp now holds the old folder: Abort removes it
	case !errors.Is(err, errNoExchange):
		return err
	}
	if err := writeMarker(s.tmp, "whole "+filepath.Base(s.dir)); err != nil {
		return err
	}
	return finishWhole(s.tmp, s.dir)
}

// moveFiles renames every staged file into dir, after a marker that lets
// the next build finish the job if this one is killed half way.
func (s *Staging) moveFiles() error {
	if err := writeMarker(s.tmp, "files"); err != nil {
		return err
	}
	return finishFiles(s.tmp, s.dir)
}

// Abort gives the staged files up and unlocks the folder; after Commit it
// only tidies up. It is safe to call more than once.
func (s *Staging) Abort() {
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
		os.Remove(s.tmp + commitSuffix)
	}
	if s.lock != nil {
		s.lock.unlock()
		s.lock = nil
	}
	s.done = true
}

func (s *Staging) commitError(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		err = le.Err
	case errors.As(err, &pe):
		err = pe.Err
	}
	return &WriteError{Path: s.dir, Err: err, Folder: true}
}

// writeMarker records, beside the staging folder tmp, that its commit
// was decided: what it is for.
func writeMarker(tmp, what string) error {
	f, err := os.OpenFile(tmp+commitSuffix, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(what + "\n")
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}

// finishWhole moves the folder at dir aside and tmp into its place; the
// marker goes once tmp is there, then the old folder. If tmp cannot be
// put there, the old folder goes back.
func finishWhole(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = filepath.Join(filepath.Dir(dir), oldPrefix+filepath.Base(tmp))
		if err := rename(dir, old); err != nil {
			os.Remove(tmp + commitSuffix)
			return err
		}
	}
	if err := rename(tmp, dir); err != nil {
		if old != "" && rename(old, dir) == nil {
			os.Remove(tmp + commitSuffix)
		}
		return err
	}
	os.Remove(tmp + commitSuffix)
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// asideName is the folder inside a staging folder where the files a
// commit replaces wait until all the new ones are in place.
const asideName = ".raftsheet-replaced"

// finishFiles puts every file in tmp into dir, in name order, each old
// file first moved aside into tmp. If one cannot be put in place, those
// already placed are taken back out and the old ones put back: dir is
// as it was. The marker goes once all are in place.
func finishFiles(tmp, dir string) error {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	aside := filepath.Join(tmp, asideName)
	if err := os.MkdirAll(aside, 0o700); err != nil {
		return err
	}
	var placed []string
	undo := func(err error) error {
		for _, name := range placed {
			rename(filepath.Join(dir, name), filepath.Join(tmp, name))
		}
		old, _ := os.ReadDir(aside) // also what a killed commit moved aside
		for _, e := range old {
			if _, err := os.Lstat(filepath.Join(dir, e.Name())); errors.Is(err, fs.ErrNotExist) {
				rename(filepath.Join(aside, e.Name()), filepath.Join(dir, e.Name()))
			}
		}
		os.Remove(tmp + commitSuffix)
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if name == asideName {
			continue
		}
		target := filepath.Join(dir, name)
		if _, err := os.Lstat(target); err == nil {
			if err := rename(target, filepath.Join(aside, name)); err != nil {
				return undo(err)
			}
		}
		if err := rename(filepath.Join(tmp, name), target); err != nil {
			return undo(err)
		}
		placed = append(placed, name)
	}
	os.Remove(tmp + commitSuffix)
	return nil
}

// rename is os.Rename, and exchangeFolders exchange; tests make them
// fail, or the system lack exchange.
var (
	rename          = os.Rename
	exchangeFolders = exchange
)

// oldTemp are the temporary files earlier versions of raftsheet wrote
// beside each file of a build, a key or a report (".key.pdf.123456.tmp")
// and left when killed; only those names, so that a folder of the user's
// own (answers -o ~/ada.yaml) loses nothing of anyone else's. A class
// set's folder goes whole, with whatever it held.
var oldTemp = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\.(worksheet\.pdf|key\.pdf|[0-9A-Z]{4}-[0-9A-Z]{4}-key\.pdf|scores\.csv|report\.pdf)\.[0-9]+\.tmp$`)
})

// sweep tidies what killed builds left in folder, which the caller has
// locked (so no live build is using it): a staging folder whose commit
// was decided is finished, any other removed, and so are folders moved
// aside and old temporary files.
func sweep(folder string) error {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name, path := e.Name(), filepath.Join(folder, e.Name())
		switch {
		case strings.HasPrefix(name, stagingPrefix) && strings.HasSuffix(name, commitSuffix):
			tmp := strings.TrimSuffix(path, commitSuffix)
			if err := finishStaged(tmp); err != nil {
				return err
			}
			os.RemoveAll(tmp)
			os.Remove(path)
		case strings.HasPrefix(name, stagingPrefix) && e.IsDir():
			if _, err := os.Stat(path + commitSuffix); err != nil {
				os.RemoveAll(path) // never committed
			}
		case strings.HasPrefix(name, oldPrefix):
			os.RemoveAll(path)
		case oldTemp().MatchString(name) && e.Type().IsRegular():
			os.Remove(path)
		}
	}
	return nil
}

// finishStaged completes the commit a marker records, if its staging
// folder is still there.
func finishStaged(tmp string) error {
	if _, err := os.Stat(tmp); err != nil {
		return nil // done, all but removing the marker
	}
	b, err := os.ReadFile(tmp + commitSuffix)
	if err != nil {
		return err
	}
	what := strings.TrimSpace(string(b))
	folder := filepath.Dir(tmp)
	if name, ok := strings.CutPrefix(what, "whole "); ok && plainName(name) == nil {
		return finishWhole(tmp, filepath.Join(folder, name))
	}
	if what == "files" {
		return finishFiles(tmp, folder)
	}
	return nil // not a marker of ours: the staging folder is removed
}

// syncFolder makes the renames in folder durable, where the system can.
func syncFolder(folder string) {
	if f, err := os.Open(folder); err == nil {
		f.Sync()
		f.Close()
	}
}

// WriteError is a file or folder of a build that could not be written.
type WriteError struct {
	Path   string
	Err    error // the system's reason
	Folder bool  // the files of a folder, put in place together
}

func (e *WriteError) Error() string {
	what := "write " + e.Path
	if e.Folder {
		what = "put the new files in place in " + e.Path
	}
	hint := "choose another folder with -o"
	switch {
	case errors.Is(e.Err, fs.ErrPermission):
		hint = "check that you may write there, that no file in it is locked or read-only, or choose another folder with -o"
	case isNoSpace(e.Err):
		hint = "free some space, or choose another folder with -o"
	}
	return fmt.Sprintf("cannot %s: %v (%s); the files there are as they were", what, e.Err, hint)
}

func (e *WriteError) Unwrap() error { return e.Err }

// errNoExchange is a system or file system that cannot swap two folders
// at once.
var errNoExchange = errors.New("cannot swap folders at once here")
