#!/usr/bin/env python3
"""The web page as a first-time visitor uses it, in headless Chromium driven by Selenium.

Starts msc-server on a free loopback port, then: opens the page, changes an assumption and sees the
net present value change, switches the map's colouring, clicks a council and reads its card, copies
the share link and opens it in a new tab finding the same state, and uploads a broken scenario and
sees the loader's one-line error. Screenshots go to .build/browser-test/.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, ".build", "browser-test")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, port):
    process = subprocess.Popen([binary, "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("browser test: the server stopped: " + (process.stdout.read() or ""))
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/scenarios", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("browser test: the server did not answer within 120 s")


def find_browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("browser test: no chromium found")


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = find_browser()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2400",
                     "--disable-gpu"):
        options.add_argument(argument)
    driver_path = shutil.which("chromedriver")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(driver_path) if driver_path else Service()
    return webdriver.Chrome(service=service, options=options)


class PageTest:
    def __init__(self, driver, base):
        self.driver = driver
        self.base = base
        self.wait = WebDriverWait(driver, 120)
        self.step = 0

    def shot(self, name):
        self.step += 1
        os.makedirs(SHOTS, exist_ok=True)
        self.driver.save_screenshot(os.path.join(SHOTS, f"{self.step:02d}-{name}.png"))

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def text(self, selector):
        return self.css(selector).text

    def npv(self, scenario):
        return self.text(f'.card.central[data-scenario="{scenario}"] .npv')

    def wait_for_npv(self, scenario):
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f'.card.central[data-scenario="{scenario}"] .npv')))
        return self.npv(scenario)

    def wait_for_monte_carlo(self):
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#compare-table table")))
        self.wait.until(lambda d: d.find_element(By.ID, "progress").get_attribute("hidden") is not None)

    def run(self):
        driver = self.driver
        # A small Monte Carlo keeps the test quick in a debug build; the state rides in the address.
        state = {"scenarios": ["status-quo", "national-rollout"], "baseline": "status-quo", "iterations": 1000, "seed": 11}
        driver.get(self.base + "/#state=" + urllib.parse.quote(json.dumps(state)))
        before = self.wait_for_npv("national-rollout")
        self.wait_for_monte_carlo()
        self.shot("opened")
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"console errors on opening: {errors}"

        # 1. Change an assumption; the central NPV changes and the change is listed as an override.
        salary = self.css('input.value[data-name="salary"]')
        salary.clear()
        salary.send_keys("60000", Keys.TAB)
        self.wait.until(lambda d: self.npv("national-rollout") != before)
        after = self.npv("national-rollout")
        print(f"NPV of national-rollout: {before} -> {after} with salary £60,000")
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '#override-list li[data-name="salary"]')))
        self.wait_for_monte_carlo()
        self.shot("salary-changed")

        # 2. Switch the map's colouring; the hexagons are recoloured.
        self.map_steps()

        # 4. Copy the share link and open it in a new tab: the same state and the same answer.
        self.share_steps(after)

        # 4b. Is a pilot worth it? A refused grid is named at the field; a valid one, run from the
        # keyboard, shows the headline, the design grid, the chart with its text and the caveats.
        self.pilot_steps()

        # 5. Upload a broken scenario: the loader's one-line error, naming file, line and key.
        self.upload_steps()

        # 6. Where first?: set a budget; the chosen set's table, the frontier and the map appear.
        self.where_first_steps()
        print("browser test passed: assumption change, map colouring, council card, share link, pilot, upload error, where first")

    def map_steps(self):
        driver = self.driver
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#map [data-code]")))
        hexes = driver.find_elements(By.CSS_SELECTOR, "#map [data-code]")
        assert len(hexes) >= 300, f"expected the hexagon map of about 318 councils, found {len(hexes)}"
        fills_before = [h.get_attribute("fill") for h in hexes]
        Select(self.css("#map-colour")).select_by_value("coverage")
        self.wait.until(lambda d: d.find_element(By.ID, "map").get_attribute("data-metric") == "coverage")
        fills_after = [h.get_attribute("fill") for h in driver.find_elements(By.CSS_SELECTOR, "#map [data-code]")]
        assert fills_after != fills_before, "switching the colouring did not recolour the hexagons"
        self.wait.until(lambda d: d.find_element(By.ID, "map").get_attribute("data-metric") == "coverage")
        legend = self.text("#map svg")
        assert "Coverage" in legend and "%" in legend, f"expected a coverage legend in per cent, found {legend[:200]!r}"
        self.shot("map-coverage")

        # 3. Click a council and read its card (Manchester: its own post under national-rollout).
        # The map is redrawn when an answer arrives; find the hexagon afresh if it was replaced.
        for attempt in range(10):
            try:
                target = self.css('#map [data-code="E08000003"]')
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
                ActionChains(driver).move_to_element(target).perform()
                tip = driver.find_element(By.ID, "map-tooltip")
                self.wait.until(lambda d: tip.is_displayed() and "Manchester" in tip.text)
                assert "object" not in tip.text and "Coverage of a post" in tip.text, f"tooltip reads {tip.text!r}"
                target.click()
                break
            except StaleElementReferenceException:
                time.sleep(0.5)
        self.wait.until(lambda d: "Manchester" in d.find_element(By.ID, "council-card").text)
        card = self.text("#council-card")
        for label in ("Post", "Who pays", "Cost to its own core budget", "A post of its own", "Coverage",
                      "Additional identifications (net of displacement)", "on top of"):
            assert label in card, f"the council card lacks {label!r}: {card!r}"
        # An addition reads as one: a plus sign, never "(from …)", which read as a fall.
        assert "(from " not in card, f"the council card's identifications read as a fall: {card!r}"
        self.shot("council-card")

    def share_steps(self, after):
        driver = self.driver
        self.css("#copy-link").click()
        link = self.css("#share-link").get_attribute("value")
        assert "#state=" in link, f"the share link holds no state: {link!r}"
        print(f"share link: {link[:60]}…")
        first = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(link)
        shared_npv = self.wait_for_npv("national-rollout")
        assert shared_npv == after, f"the shared link shows NPV {shared_npv}, expected {after}"
        assert self.css('input.value[data-name="salary"]').get_attribute("value") == "60000"
        assert self.css('#override-list li[data-name="salary"]')
        assert self.css("#iterations").get_attribute("value") == "1000"
        assert Select(self.css("#map-colour")).first_selected_option.get_attribute("value") == "coverage"
        self.wait.until(lambda d: "Manchester" in d.find_element(By.ID, "council-card").text)
        self.wait_for_monte_carlo()
        self.shot("shared-link")
        driver.close()
        driver.switch_to.window(first)

    def pilot_steps(self):
        driver = self.driver
        section = self.css("#pilot-section")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
        choice = Select(self.css("#pilot-scenario")).first_selected_option.text
        assert choice == "national-rollout against status-quo", f"the pilot offers {choice!r}"
        sizes, years = self.css("#pilot-sizes"), self.css("#pilot-years")
        sizes.clear()
        sizes.send_keys("0")
        self.css("#pilot-run").click()
        self.wait.until(lambda d: d.find_element(By.ID, "pilot-error").is_displayed())
        message = self.text("#pilot-error")
        assert message.startswith("sizes:"), f"expected the refusal to name sizes, found {message!r}"
        # Keyboard only: type the grid, Tab to the durations and to the button, press Enter.
        sizes.clear()
        sizes.send_keys("5,20", Keys.TAB)
        driver.switch_to.active_element.send_keys(Keys.CONTROL, "a")
        driver.switch_to.active_element.send_keys("1,2", Keys.TAB)
        assert driver.switch_to.active_element.get_attribute("id") == "pilot-run", "Tab does not reach the pilot's button"
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#pilot-result .headline")))
        assert not self.css("#pilot-error").is_displayed()
        headline = self.text("#pilot-result .headline")
        assert ("a pilot of" in headline and "it costs £" in headline), f"the pilot's headline reads {headline!r}"
        rows = driver.find_elements(By.CSS_SELECTOR, "#pilot-result table.pilot-grid tbody tr")
        assert len(rows) == 4, f"expected 4 designs in the grid, found {len(rows)}"
        svg = self.css("#pilot-result figure svg")
        assert svg.get_attribute("role") == "img"
        description = driver.execute_script("return arguments[0].querySelector('desc').textContent", svg)
        assert "Best:" in description and "20 posts, 2 years" in description, f"the chart's text reads {description[:200]!r}"
        caveats = self.text("#pilot-result .pilot-caveats")
        assert "Limits: EVPI" in caveats and headline not in caveats, "the caveats are missing or repeat the headline"
        print(f"pilot headline: {headline}")
        self.shot("pilot")

    def upload_steps(self):
        folder = tempfile.mkdtemp()
        broken = os.path.join(folder, "broken.yaml")
        with open(broken, "w") as f:
            f.write("name: broken\nquestion: What if the rule is misspelt?\nhorizonYears: 10\npriceBaseYear: 2026-27\n"
                    "deployment:\n  rule: evry-authority\nfunding:\n  sources: []\n")
        self.css("#upload").send_keys(broken)
        self.wait.until(lambda d: d.find_element(By.ID, "upload-error").is_displayed())
        message = self.text("#upload-error")
        print(f"upload error shown: {message}")
        assert message.startswith("broken.yaml:6:"), f"expected the loader's error for line 6, found {message!r}"
        assert "\n" not in message
        self.shot("upload-error")
        shutil.rmtree(folder)


    def where_first_steps(self):
        driver = self.driver
        budget = self.css("#target-budget")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", budget)
        driver.execute_script("arguments[0].value = '2000000'; arguments[0].dispatchEvent(new Event('input'));"
                              " arguments[0].dispatchEvent(new Event('change'));", budget)
        assert "£2.0m a year" in self.text("#target-budget-text"), self.text("#target-budget-text")
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#target-table tbody tr")))
        caption = self.text("#target-table caption")
        assert "£2,000,000 a year" in caption and "uniform" in caption, f"the chosen set's table reads {caption!r}"
        rows = driver.find_elements(By.CSS_SELECTOR, "#target-table tbody tr")
        first = [cell.text for cell in rows[0].find_elements(By.CSS_SELECTOR, "th, td")]
        assert first[0] == "1" and first[4].startswith("£"), f"the first chosen post reads {first!r}"
        figures = driver.find_elements(By.CSS_SELECTOR, "#target-charts figure")
        names = [f.get_attribute("data-file") for f in figures]
        assert names == ["where-first-uniform-frontier.svg", "where-first-uniform-map.svg"], names
        assert "Efficiency frontier" in figures[0].text and "police identification activity" in figures[0].text
        print(f"where first: {len(rows)} posts for £2m a year; first {first[1]!r}")
        self.shot("where-first-uniform")
        Select(self.css("#target-index")).select_by_value("police-force-area")
        self.wait.until(lambda d: "police force area" in d.find_element(By.CSS_SELECTOR, "#target-table caption").text)
        assert [f.get_attribute("data-file") for f in driver.find_elements(By.CSS_SELECTOR, "#target-charts figure")] == [
            "where-first-police-force-area-frontier.svg", "where-first-police-force-area-map.svg"]
        self.shot("where-first-police-force-area")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=os.path.join(ROOT, ".build", "debug", "msc-server"))
    args = parser.parse_args()
    port = free_port()
    server = start_server(os.path.abspath(args.server), port)
    driver = None
    try:
        driver = make_driver()
        PageTest(driver, f"http://127.0.0.1:{port}").run()
    except (AssertionError, WebDriverException) as failure:
        if driver:
            os.makedirs(SHOTS, exist_ok=True)
            driver.save_screenshot(os.path.join(SHOTS, "failure.png"))
        print(f"browser test FAILED: {failure!r} (screenshot in .build/browser-test/failure.png)", file=sys.stderr)
        sys.exit(1)
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
