package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/field"
)

// canon is the key's answer, as printed with the template's labels, in
// the words grading compares in (see Field.Canon).
func (l *layout) canon(kind field.Kind, texts []string) []string {
	if len(texts) == 0 {
		return nil
	}
	words := l.canonWords(kind)
	if w, ok := words[strings.Join(texts, " ")]; ok {
		return []string{w} // a label of several words: "none (heartbeat)"
	}
	var out []string
	for _, t := range texts {
		for _, tok := range field.CanonTokens(kind, t) {
			if w, ok := words[tok]; ok {
				tok = w
			}
			out = append(out, strings.ToLower(tok))
		}
	}
	return out
}

// canonWords map the template's labels a kind of field prints to the
// words grading compares in, made once per kind for a layout.
func (l *layout) canonWords(kind field.Kind) map[string]string {
	l.shared.mu.Lock()
	defer l.shared.mu.Unlock()
	if l.shared.canonWords == nil {
		l.shared.canonWords = map[field.Kind]map[string]string{}
	}
	m, ok := l.shared.canonWords[kind]
	if !ok {
		m = field.CanonWords(kind, l.lbl)
		l.shared.canonWords[kind] = m
	}
	return m
}
