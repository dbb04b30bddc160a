package main

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain/ledger"
)

const recordUsage = `usage: yishi record verify [--key BASE64] [--timeout 1m] FILE_OR_URL
       yishi record key [--data DIR]`

// runRecord runs the public record's subcommands: verify checks an export
// offline, key prints the public key that verifies this server's heads.
func runRecord(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%s", recordUsage)
	}
	switch args[0] {
	case "verify":
		return runRecordVerify(ctx, args[1:], stdout, stderr)
	case "key":
		return runRecordKey(args[1:], getenv, stdout, stderr)
	}
	return fmt.Errorf("unknown record command %q\n%s", args[0], recordUsage)
}

// runRecordVerify verifies a record export from a file or an http(s) URL
// and prints what holds; any mismatch is the error, naming the first entry
// or head that does not hold.
func runRecordVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("yishi record verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	keyText := fs.String("key", "", "the community's published public key (base64); without it the file's own key is used")
	timeout := fs.Duration("timeout", time.Minute, "how long fetching a URL may take")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%s", recordUsage)
	}
	var trusted ed25519.PublicKey
	if *keyText != "" {
		b, err := base64.StdEncoding.DecodeString(*keyText)
		if err != nil || len(b) != ed25519.PublicKeySize {
			return fmt.Errorf("--key: want the base64 of an Ed25519 public key")
		}
		trusted = b
	}
	src := fs.Arg(0)
	in, err := openRecord(ctx, src, *timeout)
	if err != nil {
		return err
	}
	defer in.Close()
	report, err := ledger.Verify(in, trusted)
	if err != nil {
		return fmt.Errorf("record %s does not verify: %w", src, err)
	}
	printReport(stdout, report)
	return nil
}

// openRecord opens a file, or fetches an http(s) URL within timeout.
func openRecord(ctx context.Context, src string, timeout time.Duration) (io.ReadCloser, error) {
	if !strings.HasPrefix(src, "http://") && !strings.HasPrefix(src, "https://") {
		f, err := os.Open(src)
		if err != nil {
			return nil, fmt.Errorf("record: %w", err)
		}
		return f, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, fmt.Errorf("record URL: %w", err)
	}
	resp, err := (&http.Client{Timeout: timeout}).Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch record: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("fetch record %s: %s", src, resp.Status)
	}
	return resp.Body, nil
}

func printReport(w io.Writer, r ledger.Report) {
	fmt.Fprintf(w, "record of community %s holds: %d entries, %d signed heads\n", r.Community, r.Entries, r.Heads)
	switch {
	case r.Heads == 0:
		fmt.Fprintln(w, "no head signs these entries yet")
	case r.SignedSize < r.Entries:
		fmt.Fprintf(w, "signed: the first %d entries; %d after the last head are not signed yet\n", r.SignedSize, r.Entries-r.SignedSize)
	default:
		fmt.Fprintf(w, "signed: all %d entries\n", r.SignedSize)
	}
	fmt.Fprintf(w, "root: %s\n", hex.EncodeToString(r.Root))
	key := base64.StdEncoding.EncodeToString(r.PublicKey)
	if r.KeyFromFile {
		fmt.Fprintf(w, "key: %s, taken from the file itself: pass --key with the community's published key to check who signed it\n", key)
	} else {
		fmt.Fprintf(w, "key: %s (trusted)\n", key)
	}
}

// runRecordKey prints the public key of this server's record key (from
// YISHI_RECORD_KEY, or record.key in the data folder, created when
// missing, as the server would).
func runRecordKey(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("yishi record key", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := getenv("YISHI_DATA_DIR")
	if dir == "" {
		dir = "./data"
	}
	fs.StringVar(&dir, "data", dir, "the server's data folder (YISHI_DATA_DIR)")
	fs.StringVar(&dir, "data-dir", dir, "the same as --data")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	key, err := ledger.LoadKey(dir, getenv)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)))
	return nil
}
