extension Page {
    /// The map without a mouse: a searchable list of the councils beside it (also the map's text
    /// alternative, every council with its value), and the hexagons as one tab stop that the arrow
    /// keys move across, Enter or Space opening the council's card.
    static let mapAccessHTML = #"""
            <div class="map-find">
              <label for="council-search">Find a council</label>
              <input type="search" id="council-search" list="council-names" autocomplete="off" aria-describedby="council-search-hint">
              <datalist id="council-names"></datalist>
              <button type="button" id="council-open">Open its card</button>
              <p id="council-search-hint" class="hint">Type a council's name (a county council too) and open its card. On the map, Tab reaches the hexagons; the arrow keys move between them and Enter opens a council's card.</p>
            </div>
            <details id="map-table"><summary>The map as a table (every council and its value)</summary><div id="map-table-body"></div></details>
    """#

    /// Its behaviour, inside the page script (it uses `el`, `catalogue`, `openCouncil` and `reportTableBox`).
    static let mapAccessScript = #"""
        // MARK: The map without a mouse
        const mapAccess = (function () {
          function centre(shape) { const box = shape.getBBox(); return {x: box.x + box.width / 2, y: box.y + box.height / 2}; }
          // The nearest hexagon in the arrow's direction, favouring those straight ahead.
          function neighbour(shapes, from, key) {
            const here = centre(from);
            const direction = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1]}[key];
            let best = null, bestScore = Infinity;
            for (const shape of shapes) {
              if (shape === from) continue;
              const c = centre(shape);
              const dx = c.x - here.x, dy = c.y - here.y;
              const ahead = dx * direction[0] + dy * direction[1];
              if (ahead <= 0.5) continue;
              const aside = Math.abs(dx * direction[1] - dy * direction[0]);
              const score = ahead + 2 * aside;
              if (score < bestScore) { bestScore = score; best = shape; }
            }
            return best;
          }
          function enhance(holder, cells, label) {
            const shapes = [...holder.querySelectorAll("[data-code]")];
            // On the page the map is a group of buttons, not one picture (the pack's SVG is an image).
            const svg = holder.querySelector("svg");
            if (svg) svg.setAttribute("role", "group");
            const current = shapes.find((s) => s.getAttribute("data-code") === state.council) || shapes[0];
            for (const shape of shapes) {
              const cell = cells[shape.getAttribute("data-code")];
              shape.setAttribute("tabindex", shape === current ? "0" : "-1");
              shape.setAttribute("role", "button");
              if (cell) shape.setAttribute("aria-label", cell.council + ": " + label + " " + cell.shown);
              shape.addEventListener("keydown", (event) => {
                if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openCouncil(cell ? cell.councilCode : shape.getAttribute("data-code"), false, shape); return; }
                if (!event.key.startsWith("Arrow")) return;
                const next = neighbour(shapes, shape, event.key);
                event.preventDefault();
                if (!next) return;
                shape.setAttribute("tabindex", "-1");
                next.setAttribute("tabindex", "0");
                next.focus();
              });
            }
            const rows = Object.values(cells).sort((a, b) => a.council.localeCompare(b.council)).map((c) => [c.council, c.shown]);
            $("#map-table-body").replaceChildren(reportTableBox({title: label + " by council", columns: ["Council", label], rows: rows, notes: []}));
          }
          function byName(name) {
            const wanted = name.trim().toLowerCase();
            return Object.keys(catalogue.authorities).find((code) => catalogue.authorities[code].toLowerCase() === wanted);
          }
          function openTyped() {
            const code = byName($("#council-search").value);
            if (code) openCouncil(code, false, $("#council-search"));
            else $("#council-search").setCustomValidity("No council of that name");
            $("#council-search").reportValidity();
          }
          function start() {
            const names = Object.values(catalogue.authorities).sort((a, b) => a.localeCompare(b));
            $("#council-names").replaceChildren(...names.map((n) => el("option", {value: n})));
            $("#council-search").addEventListener("input", () => $("#council-search").setCustomValidity(""));
            $("#council-search").addEventListener("keydown", (event) => { if (event.key === "Enter") openTyped(); });
            $("#council-open").addEventListener("click", openTyped);
          }
          return {start: start, enhance: enhance};
        })();
    """#
}
