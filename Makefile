# MSC Toolkit: three commands on a fresh Debian machine with the Swift toolchain.
#   make run    installs GSL if missing, builds msc, and compares the shipped scenarios
#   make test   installs GSL if missing, builds, runs every Swift test, then the browser test
#   make serve  builds msc and the web server, and serves the page at http://127.0.0.1:8080/
#   make install PREFIX=/usr/local   installs msc in PREFIX/bin and its data in PREFIX/share/msc
SWIFT ?= swift
MSC    = .build/release/msc
PREFIX ?= /usr/local
# The build installed; CONFIGURATION=debug installs the debug build (quicker, for checking the layout).
CONFIGURATION ?= release
# Release builds link the Swift runtime and Foundation statically: a run then starts without
# resolving thousands of symbols in shared libraries (about 17 ms of a short run here). Every
# release target passes the same flags, so one build serves them all.
RELEASE = -c release --static-swift-stdlib
HOST  ?= 127.0.0.1
PORT  ?= 8080

.PHONY: all deps build release run serve install test browser-test soak bench docs clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE) --product msc

run: release
	@scripts/run-main-job.sh $(MSC)

# The server is its own product, so `make run` never compiles Hummingbird and SwiftNIO.
serve: release
	$(SWIFT) build $(RELEASE) --product msc-server
	$(MSC) serve --host $(HOST) --port $(PORT)

# msc finds its assumptions in ../share/msc/Assumptions beside its bin/ folder. The web server is
# not installed: building it in release compiles SwiftNIO (make serve runs it from the checkout).
install: deps
	$(SWIFT) build $(if $(filter release,$(CONFIGURATION)),$(RELEASE),-c $(CONFIGURATION)) --product msc
	install -d $(PREFIX)/bin $(PREFIX)/share/msc
	install -m 755 .build/$(CONFIGURATION)/msc $(PREFIX)/bin/msc
	rm -rf $(PREFIX)/share/msc/Assumptions $(PREFIX)/share/msc/Scenarios
	cp -R Assumptions Scenarios $(PREFIX)/share/msc/

# The soak runs against the debug server here (a release build of the server would add minutes to
# every test run); `make soak` runs it against the release build and reports the figures.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 scripts/refresh-readme-examples.py --check .build/debug/msc
	python3 scripts/soak-server.py .build/debug/msc-server --seconds 20
	@scripts/browser-test.sh .build/debug/msc-server

# The page in headless Chromium driven by Selenium (installs them when missing).
browser-test: deps
	$(SWIFT) build --product msc-server
	@scripts/browser-test.sh .build/debug/msc-server

# The web server under load on 127.0.0.1 (release build), with the figures the README quotes.
soak: deps
	$(SWIFT) build $(RELEASE) --product msc-server
	python3 scripts/soak-server.py .build/release/msc-server --seconds 20 --report

# The engine on each CPU (msc-bench), then the commands users wait for, whole process, against
# the goals of issue 31 (scripts/bench-commands.py, which builds nothing itself).
bench: deps
	$(SWIFT) build $(RELEASE) --product msc-bench
	$(SWIFT) build $(RELEASE) --product msc
	.build/release/msc-bench
	python3 scripts/bench-commands.py --msc $(MSC)

docs: deps
	$(SWIFT) package generate-documentation --target GSLKit --target MSCModel --target MSCSimulation --target MSCReport --target MSCUseCases

clean:
	rm -rf .build
