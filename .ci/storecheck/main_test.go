package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// planted is a package that calls the driver three ways: through the
// embedded database handle, through a collection variable and through a
// method value.
const planted = `package planted

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain/db"
)

func viaHandle(ctx context.Context, d *db.DB) error {
	return d.Collection("topics").FindOne(ctx, nil).Err()
}

func viaVariable(ctx context.Context, c *mongo.Collection) {
	_, _ = c.InsertOne(ctx, nil)
}

func viaMethodValue(c *mongo.Collection) any { return c.DeleteMany }

func notADriverCall(d *db.DB) string { return d.URI }
`

// TestPlantedCall plants driver calls in a rules file, a store file of an
// area and a store file outside domain, and checks that only the area's
// store file passes.
func TestPlantedCall(t *testing.T) {
	exports, err := goList("../..", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", module+"/domain/db")
	if err != nil {
		t.Fatal(err)
	}
	lookup := exportLookup(exports)
	tests := []struct {
		name, pkgPath, file string
		want                int
	}{
		{"RulesFile", module + "/domain/planted", "planted.go", 4},
		{"StoreFile", module + "/domain/planted", "store.go", 0},
		{"StoreSubjectFile", module + "/domain/planted", "store_topics.go", 0},
		{"NotAStoreName", module + "/domain/planted", "restore.go", 4},
		{"StoreFileOutsideDomain", module + "/graph", "store.go", 4},
		{"DB", module + "/domain/db", "planted.go", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(name, []byte(planted), 0o644); err != nil {
				t.Fatal(err)
			}
			calls, err := checkPackage(pkg{path: tt.pkgPath, files: []string{name}}, lookup)
			if err != nil {
				t.Fatal(err)
			}
			if len(calls) != tt.want {
				t.Errorf("found %d calls, want %d:\n%s", len(calls), tt.want, strings.Join(calls, "\n"))
			}
		})
	}
}

// TestBrokenCode checks that code the checker cannot type-check fails the
// check instead of passing it.
func TestBrokenCode(t *testing.T) {
	name := filepath.Join(t.TempDir(), "broken.go")
	if err := os.WriteFile(name, []byte("package broken\nfunc f() { undefined() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := checkPackage(pkg{path: module + "/domain/broken", files: []string{name}}, exportLookup(nil)); err == nil {
		t.Error("broken code passed the check")
	}
}
