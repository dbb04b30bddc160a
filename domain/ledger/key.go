package ledger

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// KeyEnv is the environment variable that holds the signing key: the
// standard base64 of a 32-byte Ed25519 seed.
const KeyEnv = "YISHI_RECORD_KEY"

// KeyFile is the file in the data folder that holds the signing key when
// KeyEnv is unset, in the same form, readable by its owner only.
const KeyFile = "record.key"

// LoadKey returns the key that signs the record's heads: from KeyEnv when
// set, else from KeyFile in dataDir, which it creates (mode 0600, with a
// fresh random seed) when missing. Instances that share a database must
// share the key, through KeyEnv or a copy of the file.
func LoadKey(dataDir string, getenv func(string) string) (ed25519.PrivateKey, error) {
	if v := getenv(KeyEnv); v != "" {
		key, err := parseSeed([]byte(v))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", KeyEnv, err)
		}
		return key, nil
	}
	path := filepath.Join(dataDir, KeyFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		b, err = createKeyFile(dataDir, path)
	}
	if err != nil {
		return nil, fmt.Errorf("record key: %w", err)
	}
	key, err := parseSeed(b)
	if err != nil {
		return nil, fmt.Errorf("record key %s: %w", path, err)
	}
	return key, nil
}

func parseSeed(b []byte) (ed25519.PrivateKey, error) {
	seed, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(b)))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("want the base64 of a %d-byte Ed25519 seed", ed25519.SeedSize)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// createKeyFile writes a fresh seed to path and returns the file's
// contents. The seed is written to a temporary file first and linked into
// place, so that no one reads a half-written key and, of two creators, the
// first link wins and both return its key.
func createKeyFile(dir, path string) ([]byte, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	content := []byte(base64.StdEncoding.EncodeToString(seed) + "\n")
	tmp, err := os.CreateTemp(dir, KeyFile+".*") // mode 0600
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		return os.ReadFile(path)
	} else if err != nil {
		return nil, err
	}
	return content, nil
}
