package exercise

import _ "embed"

// Schema is a JSON Schema (draft 2020-12) of the exercise format, for
// editors that check YAML as it is typed. A test keeps it and the loader in
// agreement.
//
//go:embed schema.json
var Schema []byte
