extension Page {
    /// The area view's markup: a finance officer picks a county area or police force area and a
    /// scenario, and reads `msc share`'s tables for it (POST /api/share). A county council has no
    /// hexagon of its own on the map; this is where it appears.
    static let areaViewHTML = #"""
          <section id="area-view">
            <h2>Your area: who pays and what it buys <span class="hint">(the tables <code>msc share</code> prints)</span></h2>
            <p class="hint">Pick a county area or a police force area: each council's share of the posts serving it, what each
            funder pays, what the council pays from its own budget against a post of its own, the extra identifications
            each buys and how likely its post is still funded at the end. County councils (Kent County Council, say) have
            no hexagon on the map: they are here, with their districts.</p>
            <div class="area-controls">
              <label class="inline">Scenario <select id="area-scenario"></select></label>
              <label class="inline">Kind of area <select id="area-kind">
                <option value="county-area">county area</option>
                <option value="police-force-area">police force area</option>
              </select></label>
              <label class="inline">Area <select id="area-name"></select></label>
            </div>
            <p id="area-status" class="hint" role="status"></p>
            <div id="area-tables"></div>
          </section>
    """#

    /// Its behaviour, inside the page script (it uses `el`, `api`, `scenarioBody`, `catalogue`,
    /// `state` and `writeState`). The cells are the server's text, shown as they come.
    static let areaViewScript = #"""
        // MARK: A report table as the server wrote it, in a box that scrolls sideways on a narrow
        // screen (a focusable region, so a keyboard can scroll it too).
        function reportTableBox(t, label) {
          const box = el("div", {class: "report-table", role: "region", tabindex: "0", "aria-label": label || t.title});
          box.append(el("table", {class: "compare"}, el("caption", {}, t.title),
            el("thead", {}, el("tr", {}, t.columns.map((c) => el("th", {scope: "col"}, c)))),
            el("tbody", {}, t.rows.map((row) => el("tr", {}, row.map((cell, i) => i === 0 ? el("th", {scope: "row"}, cell) : el("td", {}, cellText(cell))))))));
          if (t.notes.length) box.append(el("ul", {class: "notes"}, t.notes.map((n) => el("li", {}, n))));
          return box;
        }

        // MARK: Your area (POST /api/share: the same report as msc share)
        const areaView = (function () {
          let generation = 0;
          function areaNames(kind) {
            const key = kind === "police-force-area" ? "policeForceArea" : "county";
            return [...new Set(catalogue.authorityList.map((a) => a[key]).filter(Boolean))].sort();
          }
          function scenarioNames() { return catalogue.scenarios.map((s) => s.name).concat(uploadedNames()); }
          function fill() {
            const chosen = state.area || {};
            const scenarios = scenarioNames();
            const scenario = scenarios.includes(chosen.scenario) ? chosen.scenario
              : scenarios.includes("county-shared") ? "county-shared" : scenarios[0];
            $("#area-scenario").replaceChildren(...scenarios.map((n) => el("option", {value: n, selected: n === scenario}, n)));
            const kind = chosen.kind === "police-force-area" ? "police-force-area" : "county-area";
            $("#area-kind").value = kind;
            const names = areaNames(kind);
            const name = names.includes(chosen.name) ? chosen.name : (names.includes("Kent") ? "Kent" : names[0]);
            $("#area-name").replaceChildren(...names.map((n) => el("option", {value: n, selected: n === name}, n)));
          }
          function chosen() {
            return {scenario: $("#area-scenario").value, kind: $("#area-kind").value, name: $("#area-name").value};
          }
          async function run() {
            const mine = ++generation;
            const area = chosen();
            const status = $("#area-status");
            status.textContent = "Working out " + area.name + "'s shares under " + area.scenario + "…";
            try {
              const body = scenarioBody(area.scenario, {area: area.name, areaKind: area.kind});
              const data = await api("/api/share", body);
              if (mine !== generation) return;
              $("#area-tables").replaceChildren(...data.tables.map((t) => reportTableBox(t)));
              // The changes these tables were worked out with, for a reader of the markup (and the browser test).
              $("#area-tables").setAttribute("data-overrides", JSON.stringify(body.overrides));
              status.textContent = data.councils.length + " councils in " + data.area.name + " under " + data.scenario
                + "; council's cash cost in " + data.taxYear + " pounds.";
            } catch (error) {
              if (mine !== generation) return;
              $("#area-tables").replaceChildren();
              status.textContent = error.message;
            }
          }
          function choose() { state.area = chosen(); writeState(); run(); }
          function start() {
            $("#area-scenario").addEventListener("change", choose);
            $("#area-kind").addEventListener("change", () => { state.area = Object.assign(chosen(), {name: null}); fill(); choose(); });
            $("#area-name").addEventListener("change", choose);
          }
          // Called after every change on the page: a change of assumption changes the shares.
          function refresh() { fill(); run(); }
          return {start: start, refresh: refresh};
        })();
    """#
}
