extension Page {
    /// The analyst's section: each scenario's caveats (where today's posts are placed, ...), the
    /// switching values set against the evidence behind each input, the "what would have to be
    /// true" line with its joint switching value, and the Green Book reviewer's checklist, all as
    /// `msc run` gives them (POST /api/run, central, with "switchingValues": true).
    static let analystHTML = #"""
          <section id="analyst">
            <h2>For the analyst: caveats, switching values and the Green Book checklist</h2>
            <p class="hint">The central case's switching values (each input moved alone until the net present value reaches
            zero, the others at their central values), what would have to be true for the case to pay, and the reviewer's
            checklist: the same results <code>msc run</code> prints.</p>
            <h3>Read before quoting</h3>
            <ul id="analyst-caveats" class="caveats"></ul>
            <label class="inline">Scenario <select id="analyst-scenario"></select></label>
            <p id="analyst-status" class="hint" role="status"></p>
            <div id="analyst-truth"></div>
            <div id="analyst-switching"></div>
            <details id="analyst-checklist"><summary>Green Book reviewer's checklist</summary><div id="analyst-checklist-table"></div></details>
          </section>
    """#

    /// Its behaviour, inside the page script (it uses `el`, `api`, `scenarioBody`, `catalogue`,
    /// `state` and `reportTableBox`).
    static let analystScript = #"""
        // MARK: For the analyst (POST /api/run central with switching values: the same as msc run)
        const analyst = (function () {
          let generation = 0;
          // A value as the checklist shows it: whole numbers when large, more places when small.
          const shown = (x) => x === null || x === undefined ? "none"
            : Math.abs(x) >= 100 ? whole.format(x) : Math.abs(x) >= 1 ? two.format(x) : x.toPrecision(3);
          function caveats() {
            const list = $("#analyst-caveats");
            list.replaceChildren();
            for (const name of selectedNames()) {
              const s = catalogue.central && catalogue.central[name];
              for (const caveat of (s && s.caveats) || []) list.append(el("li", {}, el("strong", {}, name + ": "), caveat));
            }
          }
          function fill() {
            const names = selectedNames();
            const previous = $("#analyst-scenario").value;
            const wanted = names.includes(previous) ? previous
              : names.find((n) => n !== "status-quo") || names[0];
            $("#analyst-scenario").replaceChildren(...names.map((n) => el("option", {value: n, selected: n === wanted}, n)));
          }
          async function run() {
            const mine = ++generation;
            const scenario = $("#analyst-scenario").value;
            if (!scenario) return;
            const status = $("#analyst-status");
            status.textContent = "Solving " + scenario + "'s switching values…";
            try {
              const data = await api("/api/run", scenarioBody(scenario, {central: true, switchingValues: true}));
              if (mine !== generation) return;
              const book = data.scenarios[0].greenBook;
              const truth = book.items.find((i) => i.point === "What would have to be true");
              $("#analyst-truth").replaceChildren(el("h3", {}, "What would have to be true"), el("p", {class: "truth"}, truth ? truth.text : ""));
              const table = {title: scenario + ": switching values against the evidence behind each input",
                columns: ["Input", "Evidence", "Central", "Switching value", "90% range", "Inside its 90% range", "Reading"],
                rows: book.switchingValues.map((v) => [v.name, v.evidence || "n/a", shown(v.central), shown(v.switchingValue),
                  v.p5 === null ? "fixed" : shown(v.p5) + " to " + shown(v.p95), v.p5 === null ? "fixed" : (v.insideRange ? "yes" : "no"), v.statement]),
                notes: ["Each input moved alone, all others at their central values. An input whose switching value lies inside its own 90% range, and whose evidence is illustrative, is where the case is weakest."]};
              $("#analyst-switching").replaceChildren(reportTableBox(table));
              $("#analyst-checklist-table").replaceChildren(reportTableBox({title: scenario + ": Green Book reviewer's checklist",
                columns: ["Point", "This appraisal"], rows: book.items.map((i) => [i.point, i.text]), notes: []}));
              status.textContent = "Central inputs of " + scenario + ", " + book.switchingValues.length + " inputs solved.";
            } catch (error) {
              if (mine === generation) status.textContent = error.message;
            }
          }
          function start() { $("#analyst-scenario").addEventListener("change", run); }
          function refresh() { caveats(); fill(); run(); }
          return {start: start, refresh: refresh};
        })();
    """#
}
