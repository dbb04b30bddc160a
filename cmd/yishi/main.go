// Command yishi is the Yishi (议事) server: it serves the GraphQL API, GraphiQL
// and the web UI, runs the scheduled jobs, and manages the database.
//
//	yishi serve     start the server (the default)
//	yishi seed      load the Xiaogucheng demo data (idempotent)
//	yishi migrate   ensure the database indexes
//	yishi verify-draw  recompute a sortition draw offline
//	yishi record    verify a public record export, print the record key
//	yishi version   print the version
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// maxStack bounds every goroutine's stack (Go's default is 1 GB). A stack
// overflow is fatal in Go whatever recovers; the GraphQL handler's checks
// keep recursion bounded, and this makes a runaway recursion that slipped
// past them fail fast, with a trace in the log, instead of first eating a
// gigabyte of memory.
const maxStack = 64 << 20

func main() {
	debug.SetMaxStack(maxStack)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "yishi:", err)
		os.Exit(1)
	}
}

// run runs one subcommand; it is main without the process around it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "version":
		fmt.Fprintln(stdout, "yishi", version)
		return nil
	case "verify-draw":
		return runVerifyDraw(args, os.Stdin, stdout, stderr)
	case "record":
		return runRecord(ctx, args, getenv, stdout, stderr)
	case "serve", "seed", "migrate":
	case "help":
		fmt.Fprintln(stdout, usage)
		return nil
	default:
		return fmt.Errorf("unknown command %q\n%s", cmd, usage)
	}
	cfg, err := parseConfig(cmd, args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	switch cmd {
	case "seed":
		return runSeed(ctx, cfg, log, stdout)
	case "migrate":
		return runMigrate(ctx, cfg, log, stdout)
	}
	return runServe(ctx, cfg, log, stdout)
}

const usage = `usage: yishi [serve|seed|migrate|verify-draw|record|version] [flags]   (yishi serve -h lists the flags)`
