# The commands README and .ci/run share. `make demo` builds and serves the demo; `make test` runs everything,
# installing whatever a fresh machine lacks first (each step skips what is already there).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# wasm-pack must find a wasm-bindgen CLI of exactly the version in Cargo.lock (it cannot download one here).
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export CHROMIUM ?= /usr/bin/chromium
export CHROMEDRIVER ?= /usr/bin/chromedriver
export FIREFOX ?= /usr/bin/firefox-esr

.PHONY: all setup setup-rust setup-node setup-browser setup-release setup-python build demo python test lint test-native test-gateway test-python test-wasm test-node test-size test-release test-e2e test-examples bench bench-gateway bench-python bench-verify gateway-pg-stop clean

all: build

## Tools ###########################################################################################################

setup: setup-rust setup-node setup-browser

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@command -v wasm-pack >/dev/null || cargo install wasm-pack --locked
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version "$(WASM_BINDGEN_VERSION)" --force

# npm packages (binaryen's wasm-opt, the browser test driver) at the versions in package-lock.json.
setup-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The browser engines the tests use, from Debian (never downloaded): Chromium (+ chromedriver for wasm-pack), Firefox
# ESR, and WebKitGTK's WebKitWebDriver with its MiniBrowser, which needs an X server (Xvfb); Korean fonts for all.
# Only what is missing is installed. (grep reads fc-list to the end: under pipefail, grep -q could fail the pipe.)
setup-browser:
	@missing=""; \
	command -v $(CHROMIUM) >/dev/null || missing+=" chromium"; \
	command -v $(CHROMEDRIVER) >/dev/null || missing+=" chromium-driver"; \
	command -v $(FIREFOX) >/dev/null || missing+=" firefox-esr"; \
	command -v WebKitWebDriver >/dev/null || missing+=" webkit2gtk-driver"; \
	command -v Xvfb >/dev/null || missing+=" xvfb"; \
	fc-list | grep -i nanum >/dev/null || missing+=" fonts-nanum"; \
	[ -z "$$missing" ] || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; }

# For `make test-release`: the toolchain of each published crate's rust-version (the library's with its wasm32
# target), and nightly's wasm32 target where nightly is installed (docs.rs documents with nightly; `make setup-fuzz`
# installs it, `make test` does not).
RUST_VERSIONS := $(shell sed -n 's/^rust-version = "\(.*\)"$$/\1/p' Cargo.toml cli/Cargo.toml gateway/Cargo.toml | sort -u)
LIB_RUST_VERSION := $(shell sed -n 's/^rust-version = "\(.*\)"$$/\1/p' Cargo.toml)
setup-release: setup-rust setup-node
	@for v in $(RUST_VERSIONS); do \
	  rustup toolchain list | grep "^$$v-" >/dev/null || rustup toolchain install "$$v" --profile minimal; \
	done
	@rustup +$(LIB_RUST_VERSION) target list --installed | grep -x wasm32-unknown-unknown >/dev/null \
	  || rustup +$(LIB_RUST_VERSION) target add wasm32-unknown-unknown
	@if rustup toolchain list | grep '^nightly' >/dev/null; then \
	  rustup +nightly target list --installed | grep -x wasm32-unknown-unknown >/dev/null \
	    || rustup +nightly target add wasm32-unknown-unknown; \
	fi

## Build ###########################################################################################################

# pkg/: the npm package, one folder for every runtime (Node, bundlers, workerd, and web/ for plain pages and the
# demo); scripts/build.mjs says what each file is for.
build: setup-rust setup-node
	node scripts/build.mjs
	@node scripts/sri.mjs

demo: build
	node www/serve.mjs

## Python ##########################################################################################################

# The Python package pccc-guard (python/): a PyO3 extension of the same crate, built by maturin into one abi3 wheel for
# every CPython from 3.9 on. Tools and test environments live in target/python/: `tools`, a virtual environment with
# maturin and uv (python/requirements-tools.txt), made once; `wheelhouse`, every pinned dependency of the tests, the
# examples and the benchmark, downloaded once (again when a requirements file changes), so that the fresh virtual
# environments each run makes are filled offline, in about a second each (uv links from its cache,
# target/python/uv-cache). uv never downloads a Python: the machine's python3 is used (installed from Debian if
# missing).
PYTHON ?= python3
PY := target/python
PY_TOOLS := $(PY)/tools/bin
export UV_CACHE_DIR := $(CURDIR)/$(PY)/uv-cache
export UV_PYTHON_DOWNLOADS := never
# No __pycache__ folders in the checkout (the tests and examples run from it).
export PYTHONDONTWRITEBYTECODE := 1
PY_TEST_REQUIREMENTS := tests/python/requirements.txt examples/fastapi/requirements.txt examples/django/requirements.txt
PY_BENCH_REQUIREMENTS := bench/python/requirements.txt

setup-python: $(PY)/tools/.installed $(PY)/wheelhouse/.tests

$(PY)/tools/.installed: python/requirements-tools.txt
	@command -v $(PYTHON) >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3 python3-venv; }
	rm -rf $(PY)/tools
	$(PYTHON) -m venv $(PY)/tools
	$(PY_TOOLS)/pip install --quiet --disable-pip-version-check -r $<
	@touch $@

# The pinned requirements (pccc-guard itself is the wheel built here), binary wheels only. A package pinned twice
# must be pinned alike (pip refuses two versions of one).
$(PY)/wheelhouse/.tests: $(PY_TEST_REQUIREMENTS) $(PY)/tools/.installed
	@mkdir -p $(@D)
	cat $(PY_TEST_REQUIREMENTS) | grep -v -e '^#' -e '^pccc-guard==' | sort -u > $(PY)/requirements-tests.txt
	$(PY_TOOLS)/pip download --quiet --disable-pip-version-check --only-binary=:all: -d $(@D) -r $(PY)/requirements-tests.txt
	@touch $@

$(PY)/wheelhouse/.bench: $(PY_BENCH_REQUIREMENTS) $(PY)/tools/.installed
	@mkdir -p $(@D)
	$(PY_TOOLS)/pip download --quiet --disable-pip-version-check --only-binary=:all: -d $(@D) -r $<
	@touch $@

# The wheel, in target/wheels/ (built again only when a source changed): first the files generated from the field
# registry (python/src/fields.rs, the stubs, the adapters' names). The `python-wheel` profile (built in
# target/python-wheel/) is the release profile but unwinding, so that a panic, which the crate is written never to
# have, is a Python exception and not an abort.
python: setup-python
	cargo run --quiet -p pccc-guard-xtask -- python
	@rm -f target/wheels/pccc_guard-*.whl
	CARGO_PROFILE_PYTHON_WHEEL_INHERITS=release CARGO_PROFILE_PYTHON_WHEEL_PANIC=unwind \
	  $(PY_TOOLS)/maturin build --quiet --profile python-wheel --manifest-path python/Cargo.toml --out target/wheels
	@ls target/wheels/pccc_guard-*.whl

## Tests ###########################################################################################################

test: setup lint test-native test-gateway test-python build test-size test-node test-release test-wasm test-e2e test-examples
	@echo "make test: all checks passed"

lint: setup-rust
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features npm-module -- -D warnings
	@# The serde feature builds without std too (it is never part of the shipped module).
	cargo clippy --target wasm32-unknown-unknown --lib --features npm-module,serde -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features npm-module,debug-panic-hook -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features text-module -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --features serde
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --target wasm32-unknown-unknown

# The library (with its serde feature, which the server example enables), the command-line tool's tests of the
# built binary (a gigabyte streamed through it) and the server example's test over a socket on 127.0.0.1.
test-native:
	cargo test --workspace --exclude pccc-guard-gateway

# The Python package as its users install it: the wheel in a fresh virtual environment (tests/python/, on the vector
# files every runtime shares; the recipient JSON against examples/json_results.rs; redaction against the built
# command-line tool), then each Python example in a fresh environment of its own, from its own requirements file.
PY_VENV = rm -rf $(1) && $(PY_TOOLS)/uv venv --quiet --python $(PYTHON) $(1) && \
  $(PY_TOOLS)/uv pip install --quiet --offline --no-index --find-links $(PY)/wheelhouse --find-links target/wheels \
    --python $(1)/bin/python
test-python: python
	cargo build --quiet -p pccc-guard-cli
	cargo build --quiet --example json_results --features serde
	$(call PY_VENV,$(PY)/venv-tests) -r tests/python/requirements.txt target/wheels/pccc_guard-*.whl
	PCCC_GUARD_CLI=target/debug/pccc-guard PCCC_GUARD_JSON_RESULTS=target/debug/examples/json_results \
	  $(PY)/venv-tests/bin/python -m pytest -q -p no:cacheprovider tests/python
	$(call PY_VENV,$(PY)/venv-fastapi) -r examples/fastapi/requirements.txt
	cd examples/fastapi && ../../$(PY)/venv-fastapi/bin/python -m unittest -v
	$(call PY_VENV,$(PY)/venv-django) -r examples/django/requirements.txt
	cd examples/django && ../../$(PY)/venv-django/bin/python manage.py test -v 2

# The UNI-PASS gateway (gateway/): its binaries against the fake UNI-PASS over 127.0.0.1 in each of its failure
# modes, and the pending queue on SQLite and on PostgreSQL (over TLS too). gateway/scripts/postgres.sh installs
# PostgreSQL and openssl from Debian if missing and starts a throwaway server on 127.0.0.1:55432 with TLS under a
# certificate it makes (left running for the next run; `make gateway-pg-stop` stops it); without it, the PostgreSQL
# tests fail here rather than skip.
test-gateway:
	PCCC_GATEWAY_PG_URL="$$(gateway/scripts/postgres.sh start)" PCCC_GATEWAY_PG_CA="$$(gateway/scripts/postgres.sh ca)" \
	  PCCC_GATEWAY_REQUIRE_PG=1 cargo test -p pccc-guard-gateway

gateway-pg-stop:
	gateway/scripts/postgres.sh stop

# What crates.io, npm and PyPI would receive, checked without publishing anything. scripts/release.mjs: the three .crate
# files and their file lists, each crate compiled from its .crate with the toolchain of its rust-version, the tool
# installed from its .crate and run, the library's docs.rs build; then `npm publish --dry-run` of pkg/; then the wheel.
test-release: build setup-release python
	node scripts/release.mjs crates
	@# The npm package's manifest and exports, with warnings as errors.
	publint --strict pkg
	@# Its types, on every JavaScript entry. Left out of the first run: `./wasm` and `./text.wasm`, the WebAssembly
	@# files themselves (no JavaScript or types to check), and web/, the files for plain pages (its wildcard entry is
	@# not checked either way). web/'s two modules are ES modules only, for <script type="module"> and `import` (from
	@# CommonJS only through `import()`, by design): the second run checks them, and the classic script's global, with
	@# the esm-only profile. --no-definitely-typed: no look-up of @types packages.
	attw --pack pkg --no-definitely-typed --exclude-entrypoints ./wasm ./text.wasm ./web/pccc-guard.js ./web/pccc-guard-text.js
	attw --pack pkg --no-definitely-typed --profile esm-only \
	  --entrypoints ./web/pccc-guard.js ./web/pccc-guard-text.js ./web/pccc-guard.classic.js
	node scripts/release.mjs npm
	@# The Python wheel: its files and metadata, then installed with pip into a fresh virtual environment and imported.
	node scripts/release.mjs python

# The JS layer compiled to wasm, in Node and in headless Chromium.
test-wasm: setup-rust setup-browser
	wasm-pack test --node --release -- --test wasm_node
	wasm-pack test --headless --chrome --chromedriver "$(CHROMEDRIVER)" --release -- --test wasm_browser

# Size budgets of what a plain page downloads (deterministic, so a real check; speed is in `make bench`).
test-size: build
	node scripts/sizes.mjs

# The built packages as JavaScript users import them; serde-parity.test.mjs also runs examples/json_results.rs.
test-node: build
	node --test tests/node/
	@# The same API without WebAssembly (`node --jitless`: the JavaScript build), on both Node builds. A subset: the
	@# text API has no JavaScript build, package.test.mjs checks --jitless on the installed tarball itself, and
	@# js-build.test.mjs already compares the two builds (under --jitless it would compare one with itself, slowly).
	node --jitless --test tests/node/api.test.mjs tests/node/recipient.test.mjs tests/node/hostile.test.mjs

# Benchmarks and BENCHMARKS.md (not part of `make test`: speed is measured, never asserted).
bench: build setup-browser
	cargo bench --bench core -- --warm-up-time 1 --measurement-time 2
	cargo bench --bench find -- --warm-up-time 1 --measurement-time 3
	@# The command-line tool against Python's csv module and grep, on 10 million generated orders (bench/cli.py).
	@command -v python3 >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3; }
	python3 bench/cli.py
	@# redact on a generated log of 1.1 GB, against the regex crate with the same rules and sed -E (bench/redact.py).
	python3 bench/redact.py
	@# The UNI-PASS gateway under a 60 s surge against the fake, beside a direct client (gateway/benches/surge.rs).
	$(MAKE) bench-gateway
	@# The Python package against the pure-Python check and a pandas pipeline (bench/python/).
	$(MAKE) bench-python
	@# Checkout checks while `pccc-guard verify` re-verifies an export through the gateway (cli/benches/batch.rs).
	$(MAKE) bench-verify
	node bench/report.mjs

# The Python package alone: writes bench/results/python-results.json (bench/python/bench.py).
bench-python: python $(PY)/wheelhouse/.bench
	$(call PY_VENV,$(PY)/venv-bench) -r bench/python/requirements.txt target/wheels/pccc_guard-*.whl
	$(PY)/venv-bench/bin/python bench/python/bench.py

# The surge alone: writes bench/results/gateway-results.json (`node bench/gateway-section.mjs` prints its section).
bench-gateway:
	cargo bench -p pccc-guard-gateway --bench surge --profile gateway-bench

# The batch alone (about three minutes): writes bench/results/verify-results.json (`node bench/verify-section.mjs
# --write` puts its section in BENCHMARKS.md).
bench-verify:
	cargo bench -p pccc-guard-cli --bench batch --profile gateway-bench

# End-to-end in Chromium, Firefox and WebKit (tests/browsers/: Debian's packages, driven by playwright-core,
# puppeteer-core and WebKitWebDriver): the demo and form pages under their CSP, each file once per engine
# (PCCC_ENGINES=firefox,webkit picks some). Screenshots of key states go to artifacts/e2e/ (not committed).
test-e2e: build setup-browser setup-node
	@# A test-only build whose validate() traps on a magic input, for the recovery test (never shipped).
	node scripts/build.mjs --features trap-test --out pkg-trap --web-only
	node --test --test-concurrency=1 tests/e2e/

# The consumer apps in examples/, each installed from its own lockfile plus the tarball `npm pack` makes of pkg/,
# built with its tool's defaults and used over HTTP or in headless Chromium and Firefox (tests/examples/).
test-examples: build setup-browser setup-node
	node --test --test-concurrency=1 tests/examples/

clean:
	cargo clean
	rm -rf pkg pkg-trap

## Fuzzing (not part of `make test`) ##############################################################################

FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= $(shell sed -n 's/^name = "\(.*\)"$$/\1/p' fuzz/Cargo.toml | grep -v '^pccc-guard-fuzz$$')

.PHONY: fuzz setup-fuzz
setup-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Runs every fuzz target for FUZZ_SECONDS each; a crash stops the run and leaves its input in fuzz/artifacts/.
fuzz: setup-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz target $$t for $(FUZZ_SECONDS)s"; \
	  (cd fuzz && cargo +nightly fuzz run "$$t" -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1) || exit 1; \
	done
