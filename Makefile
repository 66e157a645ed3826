# advisor: pick the right AWS messaging service.
GO      ?= go
BIN     := bin/advisor
EXAMPLE ?= docs/examples/order-events.yaml
FUZZTIME ?= 30s
# Go spends up to a minute minimising each new input by default, and reports
# a crasher only after minimising it: capped, a crasher shows promptly and a
# run spends its time fuzzing.
FUZZMINIMIZETIME ?= 10s
# What `advisor version` says for a build from this checkout; a `go install
# …@vX.Y.Z` binary says its module version without this.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
# The linter is pinned: `make lint` builds this version from source into bin/
# with the Go toolchain at hand (no binary download), and rebuilds it only when
# bin/golangci-lint is missing, another version, or built by another Go
# (golangci-lint refuses code newer than the Go it was built with).
GOLANGCI_LINT_VERSION := v2.15.0
GOLANGCI_LINT := bin/golangci-lint

.PHONY: all build run test test-go test-tui vet lint lint-tool bench fuzz update generate clean

all: build

build: generate ## build the binary into bin/
	$(GO) build -ldflags "-X github.com/advisor-dev/advisor/internal/version.Stamped=$(VERSION)" -o $(BIN) ./cmd/advisor

run: build ## recommend a service for the example requirements, on the embedded knowledge base
	./$(BIN) recommend -f $(EXAMPLE)

test: generate vet test-go test-tui ## every test: unit, golden, end-to-end scripts, scenarios, a real terminal

vet:
	@test -z "$$(gofmt -l cmd internal rules knowledge)" || { echo "gofmt needed:"; gofmt -l cmd internal rules knowledge; exit 1; }
	$(GO) vet ./...

lint: lint-tool ## golangci-lint, pinned, with the checks in .golangci.yml
	$(GOLANGCI_LINT) run ./...

lint-tool:
	@want="$(GOLANGCI_LINT_VERSION) $$($(GO) env GOVERSION)"; \
	have=$$($(GO) version -m $(GOLANGCI_LINT) 2>/dev/null | awk 'NR==1{g=$$2} $$1=="mod"{m=$$3} END{if (m != "") print m, g}'); \
	if [ "$$have" != "$$want" ]; then \
	  echo "installing golangci-lint $$want into bin/ (was: $${have:-none})"; \
	  out=$$(GOBIN="$(CURDIR)/bin" $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION) 2>&1) \
	    || { echo "$$out"; exit 1; }; \
	fi

test-go:
	$(GO) test -count=1 ./...

test-tui: ## drive `advisor ask` in tmux (skips, saying so, without tmux)
	bash scripts/tui-test.sh

bench: ## the benchmarks quoted in README
	$(GO) test -run '^$$' -bench . -benchmem ./internal/engine/ ./internal/embedded/
	$(GO) test -run '^$$' -bench Process -benchtime 300x ./internal/cli/

FUZZ := $(GO) test -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) -fuzz

fuzz: ## run each fuzz target for FUZZTIME (default 30s)
	$(FUZZ) '^FuzzParseRequirements$$' ./internal/requirements/
	$(FUZZ) '^FuzzUnits$$' ./internal/units/
	$(FUZZ) '^FuzzParseKnowledge$$' ./internal/kb/
	$(FUZZ) '^FuzzLineAnswers$$' ./internal/prompter/
	$(FUZZ) '^FuzzReadRecord$$' ./internal/adr/
	$(FUZZ) '^FuzzRecordRoundTrip$$' ./internal/adr/
	$(FUZZ) '^FuzzSupersede$$' ./internal/adr/
	$(FUZZ) '^FuzzDecodeOffer$$' ./internal/pricing/

update: generate ## rewrite generated files, then golden files and script outputs
	ADVISOR_UPDATE=1 $(GO) test -count=1 ./...

generate: ## refresh what follows from rules/, knowledge/ and the commands: the start-up cache and the generated docs
	cd internal/embedded && $(GO) run ./gen
	$(GO) run ./internal/docsgen/gen

clean:
	rm -rf bin
