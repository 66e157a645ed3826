// Package yamlx reads YAML strictly and keeps positions, so that every
// problem in a hand-written file is reported as file:line:col.
package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/advisor-dev/advisor/internal/diag"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize caps every YAML input; larger files are refused before parsing.
const MaxFileSize = 1 << 20

// maxNodes bounds how many nodes a walk may visit through aliases, so that an
// alias bomb is refused instead of expanded.
const maxNodes = 100_000

// Compiled on first use: only errors need them, and start-up is measured.
var lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse checks data (size, UTF-8, one document) and returns its root node,
// the content of the document. name is used in positions.
func Parse(name string, data []byte) (*yaml.Node, error) {
	if len(data) > MaxFileSize {
		return nil, diag.List{{Pos: diag.Pos{File: name}, Msg: fmt.Sprintf("file is %d bytes; the limit is %d (1 MiB)", len(data), MaxFileSize)}}
	}
	if !utf8.Valid(data) {
		return nil, diag.List{{Pos: invalidUTF8Pos(name, data), Msg: "file is not valid UTF-8 text"}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, diag.List{{Pos: diag.Pos{File: name}, Msg: "file is empty"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, diag.List{{Pos: diag.Pos{File: name}, Msg: "file has no YAML document (only comments?)"}}
		}
		return nil, syntaxError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, diag.List{{Pos: Pos(name, &extra), Msg: "file holds more than one YAML document; put everything in one"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, diag.List{{Pos: diag.Pos{File: name}, Msg: "file is empty"}}
	}
	root := doc.Content[0]
	if n := countNodes(root, 0); n > maxNodes {
		return nil, diag.List{{Pos: Pos(name, root), Msg: fmt.Sprintf("file expands to more than %d YAML nodes (too many aliases?)", maxNodes)}}
	}
	return root, nil
}

// syntaxError turns a yaml.v3 parse error into a positioned diagnostic.
func syntaxError(name string, err error) error {
	msg := err.Error()
	if m := lineRE().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return diag.List{{Pos: diag.Pos{File: name, Line: line, Col: 1}, Msg: "YAML syntax: " + m[2]}}
	}
	if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	return diag.List{{Pos: diag.Pos{File: name}, Msg: "YAML syntax: " + msg}}
}

func invalidUTF8Pos(name string, data []byte) diag.Pos {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return diag.Pos{File: name, Line: line, Col: col}
}

// countNodes counts nodes as a walk that follows aliases would see them,
// stopping early once past the limit.
func countNodes(n *yaml.Node, seen int) int {
	if n == nil || seen > maxNodes {
		return seen
	}
	seen++
	if n.Kind == yaml.AliasNode {
		return countNodes(n.Alias, seen)
	}
	for _, c := range n.Content {
		seen = countNodes(c, seen)
		if seen > maxNodes {
			break
		}
	}
	return seen
}

// Pos is the position of n in file name.
func Pos(name string, n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: name}
	}
	return diag.Pos{File: name, Line: n.Line, Col: n.Column}
}

// Resolve follows an alias to the node it names.
func Resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}
