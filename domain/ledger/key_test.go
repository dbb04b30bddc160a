package ledger

import (
	"crypto/ed25519"
	"encoding/base64"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestLoadKey(t *testing.T) {
	noEnv := func(string) string { return "" }

	t.Run("CreatesFile", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "data")
		key, err := LoadKey(dir, noEnv)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(filepath.Join(dir, KeyFile))
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("key file: %v, mode %v; want 0600", err, st.Mode())
		}
		again, err := LoadKey(dir, noEnv)
		if err != nil || !key.Equal(again) {
			t.Errorf("second load: %v; want the same key", err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("the data folder holds %d files, want only %s", len(entries), KeyFile)
		}
	})
	t.Run("ConcurrentCreators", func(t *testing.T) {
		dir := t.TempDir()
		keys := make([]ed25519.PrivateKey, 8)
		var wg sync.WaitGroup
		for i := range keys {
			wg.Go(func() {
				var err error
				if keys[i], err = LoadKey(dir, noEnv); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		for i, k := range keys {
			if !k.Equal(keys[0]) {
				t.Errorf("creator %d got another key", i)
			}
		}
	})
	t.Run("FromEnv", func(t *testing.T) {
		seed := make([]byte, ed25519.SeedSize)
		seed[0] = 7
		env := func(k string) string {
			if k == KeyEnv {
				return base64.StdEncoding.EncodeToString(seed)
			}
			return ""
		}
		dir := t.TempDir()
		key, err := LoadKey(dir, env)
		if err != nil || !key.Equal(ed25519.NewKeyFromSeed(seed)) {
			t.Errorf("got %v; want the key of the seed", err)
		}
		if _, err := os.Stat(filepath.Join(dir, KeyFile)); !os.IsNotExist(err) {
			t.Errorf("a key from the environment wrote a file: %v", err)
		}
	})
	t.Run("ErrEnv", func(t *testing.T) {
		for _, v := range []string{"not base64!", base64.StdEncoding.EncodeToString([]byte("short"))} {
			if _, err := LoadKey(t.TempDir(), func(string) string { return v }); err == nil {
				t.Errorf("%q accepted", v)
			}
		}
	})
	t.Run("ErrFile", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, KeyFile), []byte("garbage\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadKey(dir, noEnv); err == nil {
			t.Error("a damaged key file accepted")
		}
	})
}
