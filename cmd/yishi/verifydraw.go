package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// runVerifyDraw recomputes a sortition draw offline, from the published
// seed, the draw's salt, the eligible list (one ID per line, from a file or
// standard input) and the count, and prints the drawn IDs in order, then
// the reserve. Anyone can so check a draw without trusting the server.
func runVerifyDraw(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("yishi verify-draw", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.String("seed", "", "the published seed")
	salt := fs.String("salt", "", "the draw's salt: seat kind and grid, as kind/gridID")
	count := fs.Int("count", 0, "how many seats were drawn")
	list := fs.String("eligible", "-", "file with the eligible IDs, one per line (- for standard input)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *seed == "" || *count < 1 {
		return fmt.Errorf("verify-draw needs --seed and --count (and --salt, --eligible)")
	}
	in := stdin
	if *list != "-" {
		f, err := os.Open(*list)
		if err != nil {
			return fmt.Errorf("eligible list: %w", err)
		}
		defer f.Close()
		in = f
	}
	var eligible []domain.ID
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		if id := strings.TrimSpace(sc.Text()); id != "" {
			eligible = append(eligible, domain.ID(id))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("eligible list: %w", err)
	}
	drawn, reserve := deliberation.Draw(*seed, *salt, eligible, *count)
	fmt.Fprintln(stdout, "drawn:")
	for _, id := range drawn {
		fmt.Fprintln(stdout, " ", id)
	}
	fmt.Fprintln(stdout, "reserve:")
	for _, id := range reserve {
		fmt.Fprintln(stdout, " ", id)
	}
	return nil
}
