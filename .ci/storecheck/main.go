// Command storecheck enforces the store seam (STYLE.md): outside domain/db,
// only an area's store*.go files (domain/<area>/store*.go) may call the
// MongoDB driver's collection and database methods. It type-checks every
// package of the module from the compiler's export data (go list -export),
// so a call through an embedded field or a variable is found as surely as a
// direct one. Test files are not checked: a test may plant a crash's traces
// in the database itself.
//
// Usage: go run ./.ci/storecheck (from the module root); exit status 1 and
// one line per call when the seam is broken.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

const (
	module = "github.com/yishi-app/yishi"
	driver = "go.mongodb.org/mongo-driver/v2/mongo"
)

func main() {
	calls, err := checkModule(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "storecheck:", err)
		os.Exit(2)
	}
	for _, c := range calls {
		fmt.Println("store seam:", c)
	}
	if len(calls) > 0 {
		os.Exit(1)
	}
	fmt.Println("store seam holds")
}

// pkg is what go list says of one package.
type pkg struct {
	path, dir string
	files     []string
}

// checkModule lists and checks every package of the module in dir. Any
// error of go list or of type checking is an error: a check that cannot
// see the code must not pass it.
func checkModule(dir string) ([]string, error) {
	exports, err := goList(dir, "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", "./...")
	if err != nil {
		return nil, err
	}
	lookup := exportLookup(exports)
	lines, err := goList(dir, "-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \" \"}}", "./...")
	if err != nil {
		return nil, err
	}
	var calls []string
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 3 || f[2] == "" || strings.HasPrefix(f[0], module+"/domain/db/ferretdb") {
			continue
		}
		p := pkg{path: f[0], dir: f[1]}
		for _, name := range strings.Fields(f[2]) {
			p.files = append(p.files, filepath.Join(f[1], name))
		}
		found, err := checkPackage(p, lookup)
		if err != nil {
			return nil, err
		}
		calls = append(calls, found...)
	}
	return calls, nil
}

// goList runs go list in dir and returns its output lines; its stderr and
// exit status become the error.
func goList(dir string, args ...string) ([]string, error) {
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %w: %s", strings.Join(args, " "), err, stderr.String())
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

// exportLookup maps go list's "path<TAB>export file" lines to the lookup
// function of the gc importer.
func exportLookup(lines []string) func(string) (io.ReadCloser, error) {
	files := map[string]string{}
	for _, l := range lines {
		if path, file, ok := strings.Cut(l, "\t"); ok && file != "" {
			files[path] = file
		}
	}
	return func(path string) (io.ReadCloser, error) {
		f, ok := files[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(f)
	}
}

// checkPackage type-checks one package and returns its driver calls that
// lie outside the seam, as "file:line: call".
func checkPackage(p pkg, lookup func(string) (io.ReadCloser, error)) ([]string, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range p.files {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "gc", lookup)}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := conf.Check(p.path, fset, files, info); err != nil {
		return nil, fmt.Errorf("type-check %s: %w", p.path, err)
	}
	var calls []string
	for _, f := range files {
		name := fset.Position(f.Pos()).Filename
		if allowed(p.path, filepath.Base(name)) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if recv := driverReceiver(info.Selections[sel]); recv != "" {
				calls = append(calls, fmt.Sprintf("%s: %s.%s (only domain/db and an area's store*.go call the driver)",
					relative(fset.Position(sel.Sel.Pos()).String()), recv, sel.Sel.Name))
			}
			return true
		})
	}
	return calls, nil
}

var areaPath = regexp.MustCompile(`^` + regexp.QuoteMeta(module) + `/domain/[a-z]+$`)
var storeFile = regexp.MustCompile(`^store(_[a-z0-9_]+)?\.go$`)

// allowed says whether a file may call the driver: anything in domain/db,
// and an area's store.go and store_*.go.
func allowed(pkgPath, base string) bool {
	if pkgPath == module+"/domain/db" || strings.HasPrefix(pkgPath, module+"/domain/db/") {
		return true
	}
	return areaPath.MatchString(pkgPath) && pkgPath != module+"/domain/text" && storeFile.MatchString(base)
}

// driverReceiver names the driver type whose method sel selects
// (mongo.Collection or mongo.Database, also when promoted through an
// embedded field), or "" when sel is something else.
func driverReceiver(sel *types.Selection) string {
	if sel == nil || sel.Kind() != types.MethodVal {
		return ""
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		return ""
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != driver {
		return ""
	}
	switch named.Obj().Name() {
	case "Collection", "Database":
		return "mongo." + named.Obj().Name()
	}
	return ""
}

// relative shortens an absolute position to one relative to the working
// directory.
func relative(pos string) string {
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, pos); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
	}
	return pos
}
