# agent360 — the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
ARGS ?=
FUZZ_SECONDS ?= 60
FUZZ_TARGET ?=

.PHONY: run test fuzz build release deps clean bench bench-ingest bench-query bench-api bench-auth bench-decode soak

## Build and run agent360 with the embedded default configuration (http://localhost:9360/metrics).
run:
	@scripts/install-deps.sh build
	$(SWIFT) build --product agent360
	"$$($(SWIFT) build --show-bin-path)/agent360" serve $(ARGS)

## Run the whole test suite (installs Prometheus, kubectl and Python clients when missing).
test:
	@scripts/test.sh

## libFuzzer + ASan on every decoder and parser (Fuzz/): FUZZ_SECONDS per target, FUZZ_TARGET for one.
fuzz:
	@FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_TARGET="$(FUZZ_TARGET)" scripts/fuzz.sh run

build:
	@scripts/install-deps.sh build
	$(SWIFT) build

release:
	@scripts/install-deps.sh build
	$(SWIFT) build -c release --product agent360

clean:
	rm -rf .build

## Side-by-side benchmarks against Prometheus 2.42 (writes BENCHMARKS.md).
bench:
	@scripts/bench.sh all

bench-ingest:
	@scripts/bench.sh ingest

bench-query:
	@scripts/bench.sh query

bench-api:
	@scripts/bench.sh all

## CPU per remote-write request of each decoder (remoteWrite.decoder), in process, on synthetic and captured requests.
bench-decode:
	@scripts/install-deps.sh build
	$(SWIFT) build -c release --scratch-path .build-bench --product agent360-bench
	"$$($(SWIFT) build -c release --scratch-path .build-bench --show-bin-path)/agent360-bench" decode \
	  $(addprefix --fixture ,$(wildcard Tests/RemoteWriteTests/Fixtures/*.snappy))

## Per-request cost of basic auth and TLS on the plain listener, agent360 and Prometheus side by side.
bench-auth:
	@scripts/bench-auth.sh

## Soak test: mixed load for SOAK_MINUTES (default 10) at half the maximum ingest; fails on RSS growth, errors or p99 >= 50 ms.
SOAK_MINUTES ?= 10
soak:
	@scripts/soak.sh $(SOAK_MINUTES)
