package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/ledger"
)

// recordExport returns an export of a small record in memory: three facts
// and a head over them, signed with a fixed key.
func recordExport(t *testing.T) (export []byte, pub ed25519.PublicKey) {
	t.Helper()
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{1}, ed25519.SeedSize))
	m := &ledger.MemoryRecord{Community: domain.NewID(), Key: key}
	at := time.Date(2024, 5, 1, 8, 30, 0, 0, time.UTC)
	for i, subject := range []string{"VG9waWM6MQ", "VG9waWM6Mg", "UGFuZWw6MQ"} {
		if _, err := m.Append(ledger.Entry{Type: ledger.Screening, Subject: subject, Role: "committee", Payload: []byte(`{"decision":"accept"}`)}, at.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	m.PublishHead(at.Add(time.Hour))
	var buf bytes.Buffer
	if err := m.Export(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), key.Public().(ed25519.PublicKey)
}

func TestRecordVerify(t *testing.T) {
	export, pub := recordExport(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	bad := filepath.Join(dir, "tampered.jsonl")
	tampered := bytes.Replace(export, []byte(`"VG9waWM6Mg"`), []byte(`"VG9waWM6OQ"`), 1)
	if bytes.Equal(tampered, export) {
		t.Fatal("the tampering changed nothing")
	}
	if err := os.WriteFile(good, export, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, tampered, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/record.jsonl" {
			http.NotFound(w, r)
			return
		}
		w.Write(export)
	}))
	defer srv.Close()
	otherKey, _, _ := ed25519.GenerateKey(nil)
	b64 := base64.StdEncoding.EncodeToString

	tests := []struct {
		name    string
		args    []string
		wantOut string // in the output, when it verifies
		wantErr string // in the error, when it does not
	}{
		{"OK", []string{good}, "3 entries, 1 signed heads", ""},
		{"OKTrusted", []string{"--key", b64(pub), good}, "(trusted)", ""},
		{"OKUntrustedSaysSo", []string{good}, "taken from the file itself", ""},
		{"OKURL", []string{srv.URL + "/record.jsonl"}, "signed: all 3 entries", ""},
		{"ErrTampered", []string{bad}, "", "entry seq 1"},
		{"ErrOtherKey", []string{"--key", b64(otherKey), good}, "", "not the trusted key"},
		{"ErrBadKey", []string{"--key", "xyz", good}, "", "--key"},
		{"ErrMissingFile", []string{filepath.Join(dir, "none.jsonl")}, "", "no such file"},
		{"ErrURLNotFound", []string{srv.URL + "/none"}, "", "404"},
		{"ErrNoSource", nil, "", "usage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), append([]string{"record", "verify"}, tt.args...), env(nil), &out, io.Discard)
			if tt.wantErr == "" {
				if err != nil || !strings.Contains(out.String(), tt.wantOut) {
					t.Errorf("got %q, %v; want it verified, saying %q", out.String(), err, tt.wantOut)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %v, want an error with %q", err, tt.wantErr)
			}
		})
	}
}

// TestRecordVerifyExitCode runs main in a child process (this test binary
// again) on a good and a tampered file: exit status 0 and 1.
func TestRecordVerifyExitCode(t *testing.T) {
	if args := os.Getenv("YISHI_TEST_MAIN_ARGS"); args != "" {
		os.Args = append([]string{"yishi"}, strings.Split(args, "\n")...)
		main()
		os.Exit(0)
	}
	export, _ := recordExport(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	bad := filepath.Join(dir, "tampered.jsonl")
	if err := os.WriteFile(good, export, 0o600); err != nil {
		t.Fatal(err)
	}
	tampered := bytes.Replace(export, []byte(`"accept"`), []byte(`"reject"`), 1)
	if err := os.WriteFile(bad, tampered, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file       string
		wantStatus int
		wantStderr string
	}{
		{good, 0, ""},
		{bad, 1, "entry seq 0"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRecordVerifyExitCode$")
		cmd.Env = append(os.Environ(), "YISHI_TEST_MAIN_ARGS=record\nverify\n"+tt.file)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		status := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			status = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != tt.wantStatus || !strings.Contains(stderr.String(), tt.wantStderr) {
			t.Errorf("%s: exit status %d, stderr %q; want %d with %q", filepath.Base(tt.file), status, stderr.String(), tt.wantStatus, tt.wantStderr)
		}
		if tt.wantStatus == 0 && !strings.Contains(stdout.String(), "signed: all 3 entries") {
			t.Errorf("%s: stdout %q", filepath.Base(tt.file), stdout.String())
		}
	}
}

func TestRecordKey(t *testing.T) {
	dir := t.TempDir()
	var first, second bytes.Buffer
	if err := run(context.Background(), []string{"record", "key", "--data", dir}, env(nil), &first, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"record", "key"}, env(map[string]string{"YISHI_DATA_DIR": dir}), &second, io.Discard); err != nil {
		t.Fatal(err)
	}
	key, err := ledger.LoadKey(dir, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)) + "\n"
	if first.String() != want || second.String() != want {
		t.Errorf("got %q and %q, want %q", first.String(), second.String(), want)
	}
	if err := run(context.Background(), []string{"record", "frob"}, env(nil), io.Discard, io.Discard); err == nil {
		t.Error("unknown record command accepted")
	}
}
