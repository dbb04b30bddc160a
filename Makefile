# Yishi (议事). `make run` builds and starts the server with the demo data;
# `make test` installs what the tests need and runs every test.

GO        ?= go
BIN       := bin/yishi
VERSION   := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
UI        := frontend
NPM       ?= npm

.PHONY: run build ui ui-test e2e chromium test fuzz lint bench clean

## run: build everything and start yishi on the embedded database with the demo data
run: build
	./$(BIN) serve --seed-demo

## build: build the web UI, then the yishi binary (with the UI embedded) into bin/
build: ui
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/yishi

## ui: install the UI's npm packages (npm ci, when package-lock.json changed) and build it into frontend/dist
ui: $(UI)/node_modules/.package-lock.json
	cd $(UI) && $(NPM) run build

$(UI)/node_modules/.package-lock.json: $(UI)/package-lock.json
	cd $(UI) && $(NPM) ci --no-audit --no-fund --engine-strict
	@touch $@

## chromium: install Debian's chromium and a CJK font for the browser tests, when missing
chromium:
	@$(UI)/scripts/ensure-chromium.sh

## ui-test: the UI's unit tests (Vitest)
ui-test: $(UI)/node_modules/.package-lock.json
	cd $(UI) && $(NPM) test

## e2e: the browser tests (Playwright on headless chromium) against bin/yishi; screenshots go to frontend/test-results
e2e: chromium
	cd $(UI) && $(NPM) run e2e

## test: run every test: Go with the race detector, the fuzz targets, the UI's unit tests, the browser tests.
## The race detector also checks every unsafe.Pointer conversion (checkptr); SQLite's C translated to
## Go (modernc.org/sqlite, under the embedded store) spent a quarter of a race run's time there, so
## those checks are off for modernc.org only. Yishi's own code has no unsafe; the fork keeps them.
RACE := -race -gcflags='modernc.org/...=-d=checkptr=0'
test: chromium build
	$(GO) test $(RACE) -count=1 -timeout 20m ./...
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory ui-test
	$(MAKE) --no-print-directory e2e

## fuzz: the GraphQL handler's fuzz target for 20 s on top of its seed corpus (graph/testdata/fuzz)
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzHandler -fuzztime 20s ./graph

## lint: gofmt, go vet, staticcheck and the dependency rule
lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	./.ci/deps

## bench: benchmarks; they print numbers and assert nothing about time. The topic list's
## take 40 calls for each p50/p95: the list, a support and the raw queries behind a page, at
## 50,000 supports, then the list and a support with 450,000 more supports elsewhere.
bench:
	$(GO) test -run '^$$' -bench . -skip TopicList -benchmem -benchtime 2x ./...
	$(GO) test -run '^$$' -bench 'TopicList50k|TopicList500k/(List|Support)$$' -benchtime 40x -timeout 30m ./graph

clean:
	rm -rf bin data $(UI)/test-results $(UI)/playwright-report
	find $(UI)/dist -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
