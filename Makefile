# Yishi (议事). `make run` builds and starts the server with the demo data;
# `make test` installs what the tests need and runs every test.

GO        ?= go
BIN       := bin/yishi
VERSION   := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run build test lint bench clean

## run: build everything and start yishi on the embedded database with the demo data
run: build
	./$(BIN) serve --seed-demo

## build: build the yishi binary into bin/
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/yishi

## test: run every test, with the race detector
test:
	$(GO) test -race -count=1 ./...

## lint: gofmt, go vet, staticcheck and the dependency rule
lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	./.ci/deps

## bench: benchmarks; they print numbers and assert nothing about time
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin data
