/// The one page the server serves: markup here, behaviour in ``script`` and looks in ``style``,
/// each its own response so the Content-Security-Policy can forbid every inline script and style.
/// Nothing is fetched from elsewhere: the page works on networks that cannot reach a CDN.
enum Page {
    static let html = #"""
    <!doctype html>
    <html lang="en-GB">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>MSC Toolkit: Modern Slavery Coordinators in councils</title>
    <link rel="stylesheet" href="/app.css">
    <script src="/app.js" defer></script>
    </head>
    <body>
    <header>
      <h1>Modern Slavery Coordinators: cost, funding and impact</h1>
      <p class="lede">Pick scenarios, change any assumption and see the answer move. The central case updates at once;
      the Monte Carlo (uncertainty over every input) follows in the background. Every figure comes from the same model as
      the <code>msc</code> command line, and every assumption names its source.</p>
    </header>
    <main>
    <aside id="controls">
      <section>
        <h2>Scenarios</h2>
        <p class="hint">Tick the scenarios to compare. Each is measured against the baseline it declares (as <code>msc compare</code> does; a baseline not ticked is run beside it), unless you pick one baseline for all.</p>
        <ul id="scenario-list"></ul>
        <label class="inline">Baseline <select id="baseline"></select></label>
        <div class="upload">
          <label for="upload">Upload a scenario (YAML)</label>
          <input type="file" id="upload" accept=".yaml,.yml,text/yaml">
          <p id="upload-error" class="error" role="alert" hidden></p>
        </div>
      </section>
      <section>
        <h2>Monte Carlo</h2>
        <label class="inline">Iterations <input type="number" id="iterations" min="1" max="100000" step="1000"></label>
        <label class="inline">Seed <input type="number" id="seed" min="0" step="1"></label>
      </section>
      <section>
        <h2>Your changes</h2>
        <p id="no-overrides" class="hint">None yet: every assumption is at its sourced value. Change one below.</p>
        <ul id="override-list"></ul>
        <button type="button" id="undo-all" hidden>Undo all changes</button>
      </section>
      <section>
        <h2>Share and download</h2>
        <p class="hint">The link holds everything on this page: scenarios, baseline, changes, seed and iterations.</p>
        <button type="button" id="copy-link">Copy share link</button>
        <input type="text" id="share-link" readonly aria-label="Share link">
        <button type="button" id="download-pack">Download evidence pack (zip)</button>
        <p id="download-status" class="hint" role="status"></p>
      </section>
    </aside>
    <div id="results">
      <p id="error" class="error" role="alert" hidden></p>
      <section>
        <h2>Central case <span class="hint">(every input at its central value)</span></h2>
        <div id="central" class="cards"></div>
        <ul id="notes" class="notes"></ul>
      </section>
      <section>
        <h2>With uncertainty <span class="hint" id="mc-label"></span></h2>
        <div id="progress" hidden><progress id="progress-bar" max="1" value="0"></progress> <span id="progress-text"></span></div>
        <div id="compare-table"></div>
        <div id="decision"></div>
        <div id="charts" class="charts"></div>
      </section>
      <section id="map-section">
        <h2>The councils on a map</h2>
        <div class="map-controls">
          <label class="inline">Scenario <select id="map-scenario"></select></label>
          <label class="inline">Colour by <select id="map-colour">
            <option value="posts">Posts</option>
            <option value="coverage">Coverage</option>
            <option value="net-cost-to-council">Net cost to the council</option>
            <option value="additional-identifications">Extra identifications a year</option>
          </select></label>
        </div>
        <div class="map-row">
          <div id="map"><p class="hint">Loading the map…</p></div>
          <div id="council-card" class="card" hidden></div>
        </div>
    \#(mapAccessHTML)
        <div id="map-tooltip" role="tooltip" hidden></div>
        <p id="map-licence" class="hint"></p>
      </section>
    \#(areaViewHTML)
    \#(analystHTML)
    \#(whereFirstHTML)
      <section id="pilot-section" aria-labelledby="pilot-heading">
        <h2 id="pilot-heading">Is a pilot worth it?</h2>
        <p class="hint">Fund some posts for a few years, count referrals in those councils and in comparison councils, then decide.
        This values that pilot for the choice between a scenario and the baseline (the expected value of its information, less its
        costs and the wait), as <code>msc pilot</code> does, with the Monte Carlo settings above.</p>
        <div class="pilot-controls">
          <label class="inline">Scenario to pilot <select id="pilot-scenario"></select></label>
          <label class="inline">Posts (K) <input type="text" id="pilot-sizes" value="5,10,20,40,80" inputmode="numeric" aria-describedby="pilot-grid-hint"></label>
          <label class="inline">Years (T) <input type="text" id="pilot-years" value="1,2,3" inputmode="numeric" aria-describedby="pilot-grid-hint"></label>
          <button type="button" id="pilot-run">Value the pilot</button>
        </div>
        <p id="pilot-grid-hint" class="hint">Comma-separated whole numbers: up to 8 sizes and 5 durations.</p>
        <p id="pilot-status" class="hint" role="status"></p>
        <p id="pilot-error" class="error" role="alert" hidden></p>
        <div id="pilot-result"></div>
      </section>
      <section>
        <h2>Assumptions</h2>
        <p class="hint">Grouped by topic. Change a value (it is then fixed, without uncertainty) or open “distribution” to
        set its uncertainty. Click a source to read the citation and notes. Evidence grades: sourced, derived, unconfirmed, illustrative (no source; reasoning in the notes).</p>
        <div id="assumptions"></div>
      </section>
    </div>
    </main>
    <footer><p>MSC Toolkit. Figures are estimates with stated uncertainty; read the assumptions and their sources before quoting them.</p></footer>
    </body>
    </html>
    """#
}
