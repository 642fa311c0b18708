# The README's two commands: `make demo` (the main job) and `make test` (every test).
# Both install the Debian packages they need first (scripts/install-deps.sh).
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 20
JBR := build/release/src/cli/jbr

.PHONY: demo test deps build build-debug build-fuzz test-release test-debug fuzz tidy bench clean

demo: build
	$(JBR) demo

test: test-release test-debug fuzz

deps:
	@scripts/install-deps.sh

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

build-debug: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)

build-fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

# Release build with warnings as errors, then the same suite under ASan and UBSan.
test-release: build
	ctest --preset release -j $(JOBS)

test-debug: build-debug
	ctest --preset debug -j $(JOBS)

# A short run of every fuzz target from its saved corpus; longer runs: scripts/fuzz.sh 3600
fuzz: build-fuzz
	scripts/fuzz.sh $(FUZZ_SECONDS)

tidy: deps
	cmake --preset tidy >/dev/null
	cmake --build --preset tidy -j $(JOBS)

# Validation and load speed (run.sh), then the whole pipeline against sqlite3 and DuckDB at the
# Rijk's scale and ten times it (pipeline.sh; ratios to bench/results/), from raw files to the site
# for one year at both scales (raw_to_site.sh), then load and compute on
# SQLite and on PostgreSQL side by side in one run, with their ratio (store.sh), then the portal
# under load: wrk against jbr serve and serve-site, and twelve ministries uploading at once.
bench: build
	bench/run.sh
	bench/pipeline.sh 1 10
	bench/raw_to_site.sh 1 10
	bench/store.sh 1
	bench/portal_wrk.sh
	bench/portal_upload.sh 1

clean:
	rm -rf build
