# MSC Toolkit: two commands on a fresh Debian machine with the Swift toolchain.
#   make run   installs GSL if missing, builds, and compares the shipped scenarios
#   make test  installs GSL if missing, builds, and runs every test
SWIFT ?= swift
MSC    = .build/release/msc

.PHONY: all deps build release run test bench docs clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product msc

run: release
	@scripts/run-main-job.sh $(MSC)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) run -c release msc-bench

docs: deps
	$(SWIFT) package generate-documentation --target GSLKit --target MSCModel --target MSCSimulation --target MSCReport

clean:
	rm -rf .build
