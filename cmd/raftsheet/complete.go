package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/spf13/cobra"
)

// Shell completion (raftsheet completion bash|zsh|fish|powershell): what
// each argument and flag can be, found where a person would look.

// completeExercise completes an exercise: a built-in NAME, with its goal
// where the shell shows descriptions, or a YAML file.
func completeExercise(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	out := builtinNames(toComplete)
	files, dirs := yamlFiles(toComplete)
	return append(out, files...), fileDirective(dirs)
}

// completeCode completes a variant code (key): the codes of the class
// sets in the output folder, each with its student.
func completeCode(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return classCodes(cmd, toComplete), cobra.ShellCompDirectiveNoFileComp
}

// completeCodeOrExercise completes what answers takes: a variant code or
// an exercise.
func completeCodeOrExercise(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	out, directive := completeExercise(cmd, args, toComplete)
	return append(classCodes(cmd, toComplete), out...), directive
}

// completeTemplate completes --template: the built-in templates and YAML
// files.
func completeTemplate(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, name := range templates.Names() {
		if strings.HasPrefix(name, strings.ToLower(toComplete)) {
			out = append(out, name+"\tbuilt-in template")
		}
	}
	files, dirs := yamlFiles(toComplete)
	return append(out, files...), fileDirective(dirs)
}

// completeYAMLFile completes a YAML file: --exercise, check's answer
// files.
func completeYAMLFile(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	files, dirs := yamlFiles(toComplete)
	return files, fileDirective(dirs)
}

// firstArg completes the first argument with f, and nothing after it.
func firstArg(f cobra.CompletionFunc) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return f(cmd, args, toComplete)
	}
}

func fileDirective(dirs bool) cobra.ShellCompDirective {
	if dirs { // let the person go on typing inside the folder
		return cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	return cobra.ShellCompDirectiveNoFileComp
}

// builtinNames are the built-in exercises that start with prefix, each
// with its teaching goal as the description.
func builtinNames(prefix string) []string {
	var out []string
	for _, name := range exercises.Names() {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		desc := "built-in exercise"
		if ex, err := exercises.Builtin(name); err == nil && ex.Goal != "" {
			desc = ex.Goal
		}
		out = append(out, name+"\t"+desc)
	}
	return out
}

// yamlFiles are the folders and the .yaml and .yml files whose path starts
// with prefix; dirs says whether there are folders among them.
func yamlFiles(prefix string) (out []string, dirs bool) {
	dir, base := filepath.Split(prefix)
	entries, err := os.ReadDir(orDot(dir))
	if err != nil {
		return nil, false
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".")) {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			st, err := os.Stat(filepath.Join(orDot(dir), name))
			isDir = err == nil && st.IsDir()
		}
		switch ext := strings.ToLower(filepath.Ext(name)); {
		case isDir:
			out, dirs = append(out, dir+name+"/"), true
		case ext == ".yaml" || ext == ".yml":
			out = append(out, dir+name)
		}
	}
	return out, dirs
}

// classCodes are the variant codes of the class sets in the output folder
// (out/, or key's --out as typed so far) that start with prefix, each
// described by its student.
func classCodes(cmd *cobra.Command, prefix string) []string {
	outDir := "out"
	if cmd.Name() == "key" && cmd.Flags().Changed("out") {
		outDir = cmd.Flags().Lookup("out").Value.String()
	}
	manifests, _ := filepath.Glob(filepath.Join(outDir, "*", "class", "manifest.json"))
	sort.Strings(manifests)
	var out []string
	seen := map[string]bool{}
	for _, path := range manifests {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		var m class.Manifest
		if json.Unmarshal(b, &m) != nil {
			continue
		}
		for _, s := range m.Students {
			if s.Code == "" || seen[s.Code] || !strings.HasPrefix(s.Code, strings.ToUpper(prefix)) {
				continue
			}
			seen[s.Code] = true
			who := s.Name
			if who == "" {
				who = "student " + s.ID
			}
			out = append(out, s.Code+"\t"+who+", "+m.Exercise)
		}
	}
	return out
}

// orDot is dir, or "." for none.
func orDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}
