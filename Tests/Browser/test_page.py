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
    # The chromedriver installed here, named: Selenium Manager would otherwise look one up online.
    driver_path = shutil.which("chromedriver")
    if not driver_path:
        raise SystemExit("browser test: no chromedriver found (scripts/install-deps.sh --browser)")
    os.environ["SE_AVOID_STATS"] = "true"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver_path), options=options)


def axe_source():
    """axe-core's axe.min.js as the axe-playwright-python wheel carries it (4.12)."""
    import axe_playwright_python
    path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    assert source.startswith("/*! axe v4.12"), f"expected axe-core 4.12 in {path}, found {source[:20]!r}"
    return source


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
        # The card labels the programme's own years and the price base, from the scenario's fields.
        card = self.text('.card.central[data-scenario="national-rollout"]')
        assert "2027-28 to 2036-37 (10 years)" in card and "2026-27 prices" in card, f"the central card reads {card!r}"
        # The EVPPI table shows the inputs worth something; those worth £0 are behind a toggle.
        evppi = self.css("#decision .report-table.evppi table")
        header = [th.text for th in evppi.find_elements(By.CSS_SELECTOR, "thead th")]
        column = header.index("EVPPI (£)")
        values = [tr.find_elements(By.CSS_SELECTOR, "th, td")[column].text for tr in evppi.find_elements(By.CSS_SELECTOR, "tbody tr")]
        assert values and all(any(ch in "123456789" for ch in v) or not any(ch.isdigit() for ch in v) for v in values), values
        toggle = self.css("#decision details.evppi-zero")
        assert not toggle.get_attribute("open") and "£0" in toggle.find_element(By.TAG_NAME, "summary").text
        print(f"EVPPI: {len(values)} rows shown, {toggle.find_element(By.TAG_NAME, 'summary').text}")
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

        # A refused value: its error at the field, nothing at the top, and not listed under "Your changes".
        pension = self.css('input.value[data-name="pensionRate"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", pension)
        pension.clear()
        pension.send_keys("1.5", Keys.TAB)
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, 'tr[data-name="pensionRate"] .field-error'))
        message = self.text('tr[data-name="pensionRate"] .field-error')
        assert "pensionRate" in message or "pension" in message.lower(), f"the field's error reads {message!r}"
        assert pension.get_attribute("aria-invalid") == "true"
        assert not self.css("#error").is_displayed(), f"the error also shows at the top: {self.text('#error')!r}"
        assert not driver.find_elements(By.CSS_SELECTOR, '#override-list li[data-name="pensionRate"]'), "a refused value is listed as a change"
        print(f"refused value at its field: {message}")
        self.shot("refused-pension")

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

        # 7. Kent's finance officer: the area view's share table, cell for cell as msc share prints it.
        self.area_steps()

        # 8. The analyst: caveats, switching values and the "what would have to be true" line.
        self.analyst_steps()

        # 9. axe-core 4.12 with every result on the page: no WCAG 2.1 A or AA violation.
        self.axe_steps()

        # 10. The keyboard alone: every control reached by Tab, the map moved across by arrows, the card opened and closed.
        self.keyboard_steps()

        # 11. The council card's text stays inside its box at 1,400 px; the page reflows at 320 px.
        self.layout_steps()

        # 12. Kent's finance officer hovers Maidstone on the cost map: the figure and its two parts.
        self.tooltip_steps()
        print("browser test passed: assumption change, map colouring, council card, share link, upload error, where first,"
              " area view, analyst, pilot")

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
        # The largest places are named, none overlapping another as drawn; county areas are outlined.
        labels = driver.execute_script("""
            return [...document.querySelectorAll('#map .place-labels text')].map((t) => {
              const b = t.getBoundingClientRect(); return [t.textContent, b.left, b.top, b.right, b.bottom]; });""")
        names = [label[0] for label in labels]
        assert 10 <= len(labels) <= 16 and "Birmingham" in names, f"the map's place names: {names}"
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                assert a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2], f"{a[0]} and {b[0]} overlap on the map"
        outline = driver.execute_script("""
            const g = document.querySelector('#map .area-outlines'); if (!g) return null;
            const hexes = document.querySelectorAll('#map [data-code]');
            return [g.getAttribute('stroke'), Number(g.getAttribute('stroke-width')) * g.getScreenCTM().a,
                    hexes[hexes.length - 1].compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING];""")
        assert outline and outline[0] == "#111" and outline[1] >= 1.5 and outline[2], f"county-area outlines: {outline}"
        print(f"map: {len(labels)} places named ({', '.join(names[:5])}, ...), county areas outlined {outline[1]:.1f} px wide")
        # Which case, year and effect the map shows: said once, under its title.
        legend = self.text("#map svg")
        assert "Central case, in the first programme year, 2027-28" in legend, legend[:300]

        # 3. Click a council and read its card (Manchester: its own post under national-rollout).
        # The map is redrawn when an answer arrives; find the hexagon afresh if it was replaced.
        tip = self.hover_council("E08000003", "Manchester", then=lambda target: target.click())
        assert "object" not in tip and "Coverage of a post" in tip, f"tooltip reads {tip!r}"
        self.wait.until(lambda d: "Manchester" in d.find_element(By.ID, "council-card").text)
        card = self.text("#council-card")
        for label in ("Post", "Who pays", "Cost to its own core budget", "A post of its own", "Coverage",
                      "Additional identifications (net of displacement)", "on top of"):
            assert label in card, f"the council card lacks {label!r}: {card!r}"
        # An addition reads as one: a plus sign, never "(from …)", which read as a fall.
        assert "(from " not in card, f"the council card's identifications read as a fall: {card!r}"
        self.shot("council-card")


    def hover_council(self, code, name, then=None):
        """Hovers a council's hexagon until its tooltip names it, does `then` with the hexagon, and
        returns the tooltip's text. The map is redrawn when an answer arrives, so the hexagon is
        found afresh if it was replaced meanwhile."""
        driver = self.driver
        for attempt in range(10):
            try:
                target = self.css(f'#map [data-code="{code}"]')
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
                ActionChains(driver).move_to_element(target).perform()
                tip = driver.find_element(By.ID, "map-tooltip")
                self.wait.until(lambda d: tip.is_displayed() and name in tip.text)
                text = tip.text
                if then:
                    then(target)
                return text
            except StaleElementReferenceException:
                time.sleep(0.5)
        raise AssertionError(f"the map's hexagon for {name} ({code}) kept being replaced")

    def tooltip_steps(self):
        """A district's cost on the map adds its residents' share of the county council's: the tooltip
        splits the figure into the two parts, which add up to it (Maidstone, Kent, under county-shared)."""
        driver = self.driver
        state = {"scenarios": ["county-shared"], "iterations": 200, "seed": 11, "colour": "net-cost-to-council",
                 "mapScenario": "county-shared"}
        driver.get(self.base + "/#state=" + urllib.parse.quote(json.dumps(state)))
        self.wait.until(lambda d: d.find_element(By.ID, "map").get_attribute("data-metric") == "net-cost-to-council"
                        and d.find_elements(By.CSS_SELECTOR, '#map [data-code="E07000110"]'))
        text = self.hover_council("E07000110", "Maidstone")
        lines = text.split("\n")
        shown = next(l for l in lines if l.startswith("Cost to councils"))
        split = next((l for l in lines if "the council pays itself +" in l), None)
        assert split and "its residents' share of the county council's" in split, f"Maidstone's tooltip reads {text!r}"
        pounds = lambda t: float(t.replace("£", "").replace(",", "").rstrip(","))
        parts = [pounds(w) for w in split.split() if w.startswith("£")]
        total = pounds(shown.split(": ")[1])
        assert total > 0 and all(p > 0 for p in parts) and abs(sum(parts) - total) <= 1, f"the parts {parts} do not add up to {shown!r}"
        assert "alone pays" not in text and "itself pays" not in text, f"a second, unexplained cost in {text!r}"
        print(f"Maidstone's tooltip: {shown} {split}")
        self.shot("maidstone-net-cost")

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
        # The Where-first map names the largest places and outlines each chosen post's councils.
        where_names = [t.text for t in driver.find_elements(By.CSS_SELECTOR, '#target-charts figure[data-file$="-map.svg"] .place-labels text')]
        assert "Birmingham" in where_names and len(where_names) >= 10, f"the Where-first map's names: {where_names}"
        assert driver.find_elements(By.CSS_SELECTOR, '#target-charts figure[data-file$="-map.svg"] .area-outlines line')
        print(f"where first: {len(rows)} posts for £2m a year; first {first[1]!r}; map names {len(where_names)} places")
        self.shot("where-first-uniform")
        Select(self.css("#target-index")).select_by_value("police-force-area")
        self.wait.until(lambda d: "police force area" in d.find_element(By.CSS_SELECTOR, "#target-table caption").text)
        assert [f.get_attribute("data-file") for f in driver.find_elements(By.CSS_SELECTOR, "#target-charts figure")] == [
            "where-first-police-force-area-frontier.svg", "where-first-police-force-area-map.svg"]
        self.shot("where-first-police-force-area")

    def msc_share_rows(self, scenario, area):
        """The rows of `msc share`'s first table in Markdown, by council: the command line's own cells."""
        msc = os.path.join(os.path.dirname(self.server_binary), "msc")
        out = subprocess.run([msc, "share", os.path.join(ROOT, "Scenarios", scenario + ".yaml"), "--area", area, "--format", "md"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
        rows = {}
        for line in out.splitlines():
            if line.startswith("| ") and not line.startswith("| Council") and not line.startswith("| ---"):
                cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
                rows.setdefault(cells[0], cells)
        return rows

    def area_steps(self):
        driver = self.driver
        section = self.css("#area-view")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
        Select(self.css("#area-scenario")).select_by_value("county-shared")
        Select(self.css("#area-kind")).select_by_value("county-area")
        Select(self.css("#area-name")).select_by_value("Kent")
        self.wait.until(lambda d: "Kent" in d.find_element(By.CSS_SELECTOR, "#area-tables caption").text
                        and "county-shared" in d.find_element(By.CSS_SELECTOR, "#area-tables caption").text)
        tables = driver.find_elements(By.CSS_SELECTOR, "#area-tables table")
        first = tables[0]
        headers = [th.text for th in first.find_elements(By.CSS_SELECTOR, "thead th")]
        for wanted in ("Share of post", "Council pays (net)", "Own post: council pays", "Saving to the council"):
            assert wanted in headers, f"the area view's payment table lacks {wanted!r}: {headers}"
        assert any(h.endswith(" pays") and h != "Council pays (net)" for h in headers), f"no funder column: {headers}"
        page_rows = {}
        for tr in first.find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = [c.text.replace("\n", " ") for c in tr.find_elements(By.CSS_SELECTOR, "th, td")]
            page_rows[cells[0]] = cells
        # Kent County Council is "Kent" in the authority table; it pays half the county area's post.
        assert "Kent" in page_rows and page_rows["Kent"][1] == "50.00%", f"Kent County Council is missing from the area view: {list(page_rows)}"
        # The same cells as the command line (the page's salary change is undone for this comparison below).
        all_text = " ".join(t.text for t in tables)
        for wanted in ("Extra identifications shared", "Chance post funded in final year"):
            assert wanted in all_text, f"the area view lacks {wanted!r}"
        self.shot("area-view-kent")
        self.css("#undo-all").click()
        self.wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, '#override-list li[data-name="salary"]'))
        self.wait.until(lambda d: d.find_element(By.ID, "area-tables").get_attribute("data-overrides") == "{}")
        cli = self.msc_share_rows("county-shared", "Kent")
        first = driver.find_elements(By.CSS_SELECTOR, "#area-tables table")[0]
        page_rows = {}
        for tr in first.find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = [c.text.replace("\n", " ") for c in tr.find_elements(By.CSS_SELECTOR, "th, td")]
            page_rows[cells[0]] = cells
        for council in ("Kent", "Maidstone"):
            assert page_rows.get(council) == cli.get(council), \
                f"{council}: the page shows {page_rows.get(council)}, msc share prints {cli.get(council)}"
        print(f"area view: Kent under county-shared, {len(page_rows)} rows, Kent County Council {page_rows['Kent'][1:5]}")

    def analyst_steps(self):
        driver = self.driver
        section = self.css("#analyst")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
        caveats = self.text("#analyst-caveats")
        assert "status-quo:" in caveats and "most populous single-tier councils" in caveats, f"caveats read {caveats!r}"
        Select(self.css("#analyst-scenario")).select_by_value("national-rollout")
        self.wait.until(lambda d: "national-rollout" in d.find_element(By.CSS_SELECTOR, "#analyst-switching caption").text)
        truth = self.text("#analyst-truth")
        assert "At the central inputs NPV is" in truth and ("Jointly" in truth or "already" in truth), f"the line reads {truth!r}"
        rows = driver.find_elements(By.CSS_SELECTOR, "#analyst-switching tbody tr")
        assert len(rows) >= 3, f"expected switching values for several inputs, found {len(rows)}"
        names = [r.find_element(By.CSS_SELECTOR, "th").text for r in rows]
        assert "identificationRateRatio" in names or "causalShare" in names, names
        # A 90% range is one figure: kept whole on one line ("0.00500 to" | "0.0400" read as two values).
        ranges = driver.execute_script("""
            return [...document.querySelectorAll('#analyst-switching td')].filter((td) => / to /.test(td.textContent))
                     .map((td) => [td.textContent, [...td.querySelectorAll('span.figure')].some((s) => / to /.test(s.textContent)
                                   && s.getClientRects().length === 1)]);""")
        split = [r[0] for r in ranges if not r[1] and len(r[0]) < 40]
        assert ranges and not split, f"ranges not kept whole: {split[:4]}"
        self.css("#analyst-checklist summary").click()
        checklist = self.text("#analyst-checklist")
        assert "Discounting" in checklist or "discount" in checklist.lower(), checklist[:300]
        print(f"analyst: {len(rows)} switching values; {truth[:120]}…")
        self.shot("analyst")

    def axe_steps(self):
        driver = self.driver
        driver.set_script_timeout(180)
        driver.execute_script(axe_source())
        result = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
              .then((r) => done({version: r.testEngine.version, passes: r.passes.length, incomplete: r.incomplete.length,
                                 violations: r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                                   nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}))}))
              .catch((e) => done({error: String(e)}));""")
        assert "error" not in result, f"axe-core failed: {result}"
        print(f"axe-core {result['version']}: {len(result['violations'])} violations, {result['passes']} rules pass,"
              f" {result['incomplete']} need review")
        assert result["version"].startswith("4.12"), result["version"]
        assert not result["violations"], "WCAG 2.1 A/AA violations: " + json.dumps(result["violations"], indent=1)

    def active(self):
        return self.driver.switch_to.active_element

    def press(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def keyboard_steps(self):
        driver = self.driver
        # Every visible control (inputs, selects, buttons, summaries, links, focusable regions) is reached by Tab.
        wanted = driver.execute_script("""
            const all = [...document.querySelectorAll('input, select, button, summary, a[href], textarea, [tabindex]')];
            // Inside a closed <details> only its own <summary> shows.
            const folded = (e) => {
              const start = e.tagName === 'SUMMARY' ? e.parentElement.parentElement : e;
              return start !== null && start.closest('details:not([open])') !== null;
            };
            const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !folded(e);
            all.forEach((e, i) => e.setAttribute('data-kb', String(i)));
            return all.filter((e) => visible(e) && !e.disabled && e.getAttribute('tabindex') !== '-1')
                      .map((e) => e.getAttribute('data-kb'));""")
        driver.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();"
                              " document.body.setAttribute('tabindex', '-1'); document.body.focus();")
        reached = set()
        presses = 0
        while presses < 3000:
            self.press(Keys.TAB)
            presses += 1
            element = self.active()
            if element.tag_name == "body" and presses > 5:
                break
            mark = element.get_attribute("data-kb")
            if mark is None:
                continue
            if mark in reached and len(reached) >= len(wanted):
                break
            reached.add(mark)
        missing = [m for m in wanted if m not in reached]
        descriptions = driver.execute_script(
            "return arguments[0].map((m) => document.querySelector('[data-kb=\"' + m + '\"]').outerHTML.slice(0, 120));", missing[:8])
        assert not missing, f"{len(missing)} of {len(wanted)} controls not reached by Tab: {descriptions}"
        print(f"keyboard: all {len(wanted)} controls reached in {presses} Tab presses")

        # The map: one tab stop; the arrows move across it; Enter opens the card, whose close button returns.
        colour = self.css("#map-colour")
        driver.execute_script("arguments[0].focus()", colour)
        for _ in range(8):
            self.press(Keys.TAB)
            if self.active().get_attribute("data-code"):
                break
        first = self.active().get_attribute("data-code")
        assert first, "Tab from the map's colour choice never reached the map"
        self.press(Keys.ARROW_RIGHT)
        second = self.active().get_attribute("data-code")
        assert second and second != first, f"the right arrow did not move across the map ({first} -> {second})"
        self.press(Keys.ARROW_LEFT)
        assert self.active().get_attribute("data-code") == first, "the left arrow did not come back"
        name = self.active().get_attribute("aria-label").split(":")[0]
        self.press(Keys.ENTER)
        self.wait.until(lambda d: name in d.find_element(By.ID, "council-card").text
                        and "card-heading" in (self.active().get_attribute("class") or ""))
        for _ in range(6):
            if self.active().text == "close":
                break
            self.press(Keys.TAB)
        assert self.active().text == "close", "Tab from the card's heading did not reach its close button"
        self.press(Keys.ENTER)
        self.wait.until(lambda d: not d.find_element(By.ID, "council-card").is_displayed())
        assert self.active().get_attribute("data-code") == first, "closing the card did not return to the map"
        self.shot("keyboard-map")

        # A council with no hexagon (a county council) by name, from the keyboard.
        search = self.css("#council-search")
        driver.execute_script("arguments[0].focus()", search)
        self.press("Kent", Keys.ENTER)
        self.wait.until(lambda d: "County council" in d.find_element(By.ID, "council-card").text
                        and "Kent" in d.find_element(By.CSS_SELECTOR, "#council-card h3").text)
        # Kent County Council has no hexagon: its districts' hexagons are outlined and the outline announced.
        self.wait.until(lambda d: "Kent is outlined on the map" in d.find_element(By.ID, "council-found").text)
        kent = len(driver.find_elements(By.CSS_SELECTOR, "#map .found-layer polygon")) // 2
        assert kent == 12, f"Kent's 12 districts should be outlined, found {kent}"
        # An official name, and the start of a short one, find the council too.
        for typed, wanted in (("Maidstone Borough Council", "Maidstone"), ("tunbridge", "Tunbridge Wells")):
            driver.execute_script("arguments[0].focus(); arguments[0].value = ''", search)
            self.press(typed, Keys.ENTER)
            self.wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#council-card h3").text == wanted
                            and d.find_element(By.ID, "council-found").text.startswith(wanted + " is outlined"))
            assert len(driver.find_elements(By.CSS_SELECTOR, "#map .found-layer polygon")) == 2, f"{wanted} is not outlined alone"
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", self.css("#map"))
        self.shot("council-found")
        print(f"keyboard: map {first} -> {second} by arrow, card of {name} opened and closed; Kent County Council found by name,"
              " its 12 districts outlined; Maidstone by its official name, Tunbridge Wells by its first letters")

    def layout_steps(self):
        driver = self.driver
        card = self.css("#council-card")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", card)
        overflow = driver.execute_script("""
            const card = arguments[0], box = card.getBoundingClientRect();
            return [...card.querySelectorAll('dd, dt, p, h3, li')].filter((e) => e.getBoundingClientRect().right > box.right + 1
                     || e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent.slice(0, 60));""", card)
        assert not overflow, f"the council card's text overflows its box at 1,400 px: {overflow}"
        # ... and is not squeezed into a sliver either: each value has at least half the card's width.
        narrow = driver.execute_script("""
            const card = arguments[0], width = card.getBoundingClientRect().width;
            return [...card.querySelectorAll('dd')].filter((e) => e.getBoundingClientRect().width < width / 2)
                   .map((e) => e.textContent.slice(0, 40));""", card)
        assert not narrow, f"the council card's values are squeezed: {narrow}"
        self.shot("council-card-1400")
        # The central cards' values stay inside their cards, and the page does not scroll sideways, on a
        # 1,000 px screen ("2026-27 prices, discounted to 2026-27" ran out of its card and widened the page).
        driver.set_window_size(1000, 2400)
        time.sleep(1.5)
        out = driver.execute_script("""
            return [...document.querySelectorAll('.card.central dd')].filter((e) =>
                     e.getBoundingClientRect().right > e.closest('.card').getBoundingClientRect().right + 1).map((e) => e.textContent);""")
        page = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert not out and page[0] <= page[1], f"at 1,000 px: values out of their cards {out[:4]}, page {page}"
        driver.execute_script("window.scrollTo(0, 0)")
        self.shot("cards-1000")
        print(f"at 1,000 px: the central cards hold their values; page {page[0]} of {page[1]} px")
        driver.set_window_size(320, 2400)
        time.sleep(1.5)
        width = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]")
        driver.execute_script("window.scrollTo(0, 0)")
        self.shot("reflow-320")
        wide = driver.execute_script("""
            const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1
                     && !e.closest('.report-table, #compare-table, #decision, .target-table, #assumptions > details, .svg, #map'))
                   .slice(0, 6).map((e) => e.tagName + '#' + e.id + '.' + e.className);""")
        print(f"reflow at 320 px: scroll width {width[0]}, client width {width[1]}")
        # Every table's caption is read whole without scrolling its table; the map's names stay readable.
        cut = driver.execute_script("""
            const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('caption')].filter((c) => c.getClientRects().length > 0)
                     .filter((c) => { const r = document.createRange(); r.selectNodeContents(c);
                                      return [...r.getClientRects()].some((b) => b.right > w + 1); })
                     .map((c) => c.textContent.slice(0, 60));""")
        assert not cut, f"captions cut off at 320 px: {cut}"
        label_px = driver.execute_script("""
            const t = document.querySelector('#map .place-labels text'); return t ? t.getBoundingClientRect().height : 0;""")
        assert label_px >= 9, f"the map's place names are {label_px:.1f} px high at 320 px"
        driver.execute_script("arguments[0].scrollIntoView()", self.css("#map-section"))
        self.shot("map-320")
        print(f"at 320 px: no caption cut off; the map's names {label_px:.1f} px high")
        assert width[0] <= width[1], f"horizontal scroll at 320 px: {width}; widest: {wide}"
        driver.set_window_size(1400, 2400)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=os.path.join(ROOT, ".build", "debug", "msc-server"))
    args = parser.parse_args()
    port = free_port()
    server = start_server(os.path.abspath(args.server), port)
    driver = None
    try:
        driver = make_driver()
        test = PageTest(driver, f"http://127.0.0.1:{port}")
        test.server_binary = os.path.abspath(args.server)
        test.run()
    except (AssertionError, WebDriverException, subprocess.CalledProcessError) as failure:
        if driver:
            os.makedirs(SHOTS, exist_ok=True)
            driver.save_screenshot(os.path.join(SHOTS, "failure.png"))
        import traceback
        traceback.print_exc()
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
