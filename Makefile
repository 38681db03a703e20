# LiveDesk — the README's commands live here.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: dev test lint fmt check-fmt clippy unit bench bench-app bench-push sim app-deps shell bindings run ui e2e screenshots bundle

## test: everything CI runs (lint, then every test suite: core and simulator, shell, UI, the real app)
test: app-deps lint unit shell ui e2e

## app-deps: the Rust and Node versions, then the Debian packages the desktop app builds and tests
## with (Tauri/WebKitGTK, Xvfb, keyring)
app-deps:
	scripts/check-toolchain.sh
	scripts/bootstrap.sh app

lint: check-fmt clippy

check-fmt:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

fmt:
	$(CARGO) fmt --all

## unit: Rust tests of the client, the simulator, the app core and the bench harness (nextest when
## installed; ffmpeg for the RTMP ingest's test, OBS Studio and nginx-rtmp for the OBS and probe tests); the Tauri crates are left to `shell` (livedesk) and clippy (tauri-baseline has no
## tests). The app core's keyring tests need a Secret Service: the run is inside with-keyring.sh.
UNIT_EXCLUDE := --exclude livedesk --exclude tauri-baseline
unit:
	scripts/bootstrap.sh live obs
	@if $(CARGO) nextest --version >/dev/null 2>&1; then \
		scripts/with-keyring.sh $(CARGO) nextest run --workspace $(UNIT_EXCLUDE) --locked --no-fail-fast; \
	else \
		scripts/with-keyring.sh $(CARGO) test --workspace $(UNIT_EXCLUDE) --locked --no-fail-fast; \
	fi
	$(CARGO) test --workspace --locked --doc

## bench: figures and ratios measured side by side in one run
bench:
	scripts/bootstrap.sh bench
	$(CARGO) bench --locked -p wechat-live --bench client
	$(CARGO) bench --locked -p wechat-live-sim --bench throughput
	$(CARGO) bench --locked -p livedesk-core --bench library_sync
	scripts/bench-app.sh
	LIVEDESK_PROFILE=release scripts/e2e.sh bench/console-push.mjs

## bench-push: push latency in the real app (click and global hotkey to the simulator), release build
bench-push:
	LIVEDESK_PROFILE=release scripts/e2e.sh bench/console-push.mjs

## bench-app: the desktop app's cold start and idle memory against the smallest Tauri app
bench-app:
	scripts/bench-app.sh

## sim: the simulator on a free port with demo data
sim:
	$(CARGO) run --locked -p wechat-live-sim -- --port 0 --demo

## shell: the desktop shell's tests (commands on Tauri's mock runtime, SQLite, images, bindings
## drift, and the keyring against a real Secret Service in a throwaway D-Bus session)
shell:
	scripts/with-keyring.sh $(CARGO) test -p livedesk --locked --no-fail-fast

## bindings: regenerate ui/src/api/bindings/ from the Rust IPC types (and the core's rules.ts)
bindings:
	$(CARGO) test -p livedesk --locked --lib bindings::tests::write_bindings -- --ignored --exact

## dev: the app with the UI's dev server (hot reload on port 1420, as tauri.conf.json's devUrl)
dev: app-deps
	scripts/ui-deps.sh
	TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri dev

## run: install what is missing, build, and open LiveDesk on its sandbox account
run: app-deps
	scripts/build-app.sh
	$${CARGO_TARGET_DIR:-target}/debug/livedesk

## ui: the UI's own checks and tests (lint, types, Vitest, the creation flow in Chromium)
ui:
	scripts/bootstrap.sh ui
	scripts/ui-deps.sh
	cd ui && npm run lint && npm run typecheck && npm test && npm run test:flow

## e2e: the real app over WebDriver under Xvfb, on the sandbox
e2e:
	scripts/e2e.sh

## screenshots: the main screens under Xvfb, into docs/screenshots/
screenshots:
	LIVEDESK_SCREENSHOTS=$(CURDIR)/docs/screenshots scripts/e2e.sh

## bundle: a .deb of the release build
bundle:
	scripts/bundle.sh
