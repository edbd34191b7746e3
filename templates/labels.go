package templates

import (
	"reflect"
	"sort"
)

// LabelKeys are the YAML keys of every label, sorted.
func LabelKeys() []string {
	t := reflect.TypeOf(Labels{})
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i] = t.Field(i).Tag.Get("yaml")
	}
	sort.Strings(keys)
	return keys
}

// Get is the label of a YAML key ("" for none).
func (l *Labels) Get(key string) string {
	if f := labelField(l, key); f.IsValid() {
		return f.String()
	}
	return ""
}

// Set changes the label of a YAML key.
func (l *Labels) Set(key, text string) {
	if f := labelField(l, key); f.IsValid() {
		f.SetString(text)
	}
}

func labelField(l *Labels, key string) reflect.Value {
	v := reflect.ValueOf(l).Elem()
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).Tag.Get("yaml") == key {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

// IsBuiltin reports whether the template is a built-in one, unchanged.
func (t *Template) IsBuiltin() bool { return t.Source == "templates/"+t.Kind+".yaml" }
