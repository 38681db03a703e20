# LiveDesk — the README's commands live here.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: test lint fmt check-fmt clippy unit bench sim

## test: everything CI runs (lint, then every test suite)
test: lint unit

lint: check-fmt clippy

check-fmt:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

fmt:
	$(CARGO) fmt --all

## unit: Rust tests of the core and the simulator (nextest when installed)
unit:
	@if $(CARGO) nextest --version >/dev/null 2>&1; then \
		$(CARGO) nextest run --workspace --locked --no-fail-fast; \
	else \
		$(CARGO) test --workspace --locked --no-fail-fast; \
	fi
	$(CARGO) test --workspace --locked --doc

## bench: figures and ratios measured side by side in one run
bench:
	scripts/bootstrap.sh bench
	$(CARGO) bench --locked -p wechat-live --bench client
	$(CARGO) bench --locked -p wechat-live-sim --bench throughput

## sim: the simulator on a free port with demo data
sim:
	$(CARGO) run --locked -p wechat-live-sim -- --port 0 --demo
