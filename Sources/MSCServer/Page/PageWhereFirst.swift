extension Page {
    /// The "Where first?" section's markup: a budget slider, the scenario whose rules are used,
    /// the index shown, then the chosen set's table, the frontier and the map (POST /api/target).
    static let whereFirstHTML = #"""
          <section id="where-first">
            <h2>Where first? <span class="hint">(the posts a budget a year should fund)</span></h2>
            <p class="hint">Chooses, from every council's own post, one post per county area and one per police force area,
            the set that buys the most expected additional identifications a year within the budget; today's posts are kept
            outside it. Shown under the uniform index or the police-force-area index. The police-force-area index counts NRM
            referrals made by each force: it measures police identification activity as much as local incidence.</p>
            <div class="target-controls">
              <label class="inline">Rules of <select id="target-scenario"></select></label>
              <label class="inline">Budget a year <input type="range" id="target-budget" min="0" max="30000000" step="250000" value="2500000"></label>
              <output id="target-budget-text" for="target-budget"></output>
              <label class="inline">Index <select id="target-index">
                <option value="uniform">uniform</option>
                <option value="police-force-area">police force area</option>
              </select></label>
              <button type="button" id="target-run">Choose the posts</button>
            </div>
            <p id="target-status" class="hint" role="status"></p>
            <div id="target-table"></div>
            <div id="target-charts" class="charts"></div>
          </section>
    """#

    /// Its behaviour, placed inside the page script (it uses the script's `el`, `requestBody`,
    /// `catalogue` and `state`). Each new choice aborts the previous request, whose closed
    /// connection stops its work on the server.
    static let whereFirstScript = #"""
        // MARK: Where first? (POST /api/target: the same use case as msc target)
        const whereFirst = (function () {
          let controller = null;
          let last = null;
          function budgetText() { $("#target-budget-text").textContent = money(Number($("#target-budget").value)) + " a year"; }
          // The page's report table (a focusable region, so a keyboard can scroll it), held to a height.
          function table(t) {
            const box = reportTableBox(t);
            box.classList.add("target-table");
            return box;
          }
          function show() {
            const data = last;
            if (!data) return;
            const index = $("#target-index").value;
            const position = data.indices.findIndex((r) => r.index === index);
            // Tables come as chosen, frontier for each index in turn; charts as frontier, map.
            const perIndex = data.tables.length / data.indices.length;
            const tables = data.tables.slice(position * perIndex, (position + 1) * perIndex);
            $("#target-table").replaceChildren(el("p", {}, data.headline), tables.length ? table(tables[0]) : "");
            const charts = $("#target-charts");
            charts.replaceChildren();
            for (const chart of data.charts.filter((c) => c.fileName.startsWith("where-first-" + index + "-"))) {
              const figure = el("figure", {"data-file": chart.fileName});
              const holder = el("div", {class: "svg"});
              // The chart code escapes every text it draws; the SVG is the server's own.
              holder.innerHTML = chart.svg;
              figure.append(holder, el("figcaption", {}, chart.caption));
              charts.append(figure);
            }
            if (tables.length > 1) charts.append(table(tables[1]));
            const universal = data.indices[position].universal.cost;
            if (universal > 0) $("#target-budget").max = String(Math.ceil(universal / 1e6) * 1e6);
          }
          async function run() {
            if (controller) controller.abort();
            controller = new AbortController();
            const mine = controller;
            const status = $("#target-status");
            const scenario = $("#target-scenario").value;
            const body = requestBody({budget: Number($("#target-budget").value), frontier: 20});
            // The chosen rules first; the other ticked shipped scenarios are marked on the frontier.
            body.scenarios = [scenario].concat(state.scenarios.filter((n) => n !== scenario));
            body.uploads = [];
            delete body.baseline;
            body.iterations = Math.min(Number(state.iterations) || 1000, 20000);
            status.textContent = "Choosing the posts (" + whole.format(body.iterations) + " iterations)…";
            try {
              const response = await fetch("/api/target", {method: "POST", signal: mine.signal,
                headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
              const data = await response.json();
              if (mine !== controller) return;
              if (!response.ok) throw new Error(data.error || response.statusText);
              last = data;
              show();
              status.textContent = "Chosen on " + whole.format(data.runs) + " iterations, seed " + data.seed + ".";
            } catch (error) {
              if (mine !== controller || error.name === "AbortError") return;
              status.textContent = error.message;
            }
          }
          function start() {
            const select = $("#target-scenario");
            select.replaceChildren(...catalogue.scenarios.map((s) => el("option", {value: s.name}, s.name)));
            if (catalogue.scenarios.some((s) => s.name === "national-rollout")) select.value = "national-rollout";
            budgetText();
            $("#target-budget").addEventListener("input", budgetText);
            $("#target-budget").addEventListener("change", run);
            $("#target-scenario").addEventListener("change", run);
            $("#target-index").addEventListener("change", show);
            $("#target-run").addEventListener("click", run);
          }
          return {start: start};
        })();
    """#
}
