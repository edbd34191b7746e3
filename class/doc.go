// Package class makes and grades class sets. A class set gives every
// student (a roster CSV, or a count) a variant of one exercise, with its
// worksheet, key and answer template, the whole class's worksheets and
// keys as two print-ready PDFs, and a manifest of who got which variant.
// Grading reads YAML answer files (every blank of a sheet by its field
// id), rebuilds each file's key from its variant code, and compares field
// by field, with forgiving spellings (package field), naming the rule behind
// each answer; a class report groups the misses by rule.
package class
