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
              <p id="council-search-hint" class="hint">Type a council's name, short or official (“Maidstone” or “Maidstone Borough Council”; a county council too), then Enter: its hexagons are outlined on the map and its card opens. On the map, Tab reaches the hexagons; the arrow keys move between them and Enter opens a council's card.</p>
              <p id="council-found" class="hint" role="status"></p>
            </div>
            <details id="map-table"><summary>The map as a table (every council and its value)</summary><div id="map-table-body"></div></details>
    """#

    /// Its behaviour, inside the page script (it uses `el`, `catalogue`, `openCouncil` and `reportTableBox`).
    /// A council found (typed or clicked) is outlined on the map by copies of its hexagons drawn on
    /// top, black under yellow, which show on every fill; a county council, which has no hexagon of
    /// its own, by its districts'.
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
              if (cell) shape.setAttribute("data-councilcode", cell.councilCode);
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
          // The council a typed name means: its short or official name exactly, else the one council
          // whose name begins with what was typed.
          function byName(name) {
            const wanted = name.trim().toLowerCase();
            if (!wanted) return null;
            const list = catalogue.authorityList;
            const names = (a) => [a.name, a.officialName || a.name].map((n) => n.toLowerCase());
            const exact = list.find((a) => names(a).includes(wanted));
            if (exact) return exact.code;
            const starting = list.filter((a) => names(a).some((n) => n.startsWith(wanted)));
            return starting.length === 1 ? starting[0].code : null;
          }
          function highlight(code) {
            const holder = $("#map");
            const svg = holder.querySelector("svg");
            for (const old of holder.querySelectorAll(".found-layer")) old.remove();
            if (!svg || !code) { $("#council-found").textContent = ""; return; }
            const council = catalogue.authorityList.find((a) => a.code === code);
            const shapes = [...holder.querySelectorAll("[data-code]")];
            let found = shapes.filter((s) => s.getAttribute("data-councilcode") === code || s.getAttribute("data-code") === code);
            if (!found.length && council && council.tier === "county") {
              const districts = new Set(catalogue.authorityList.filter((a) => a.tier === "district" && a.county === council.name).map((a) => a.code));
              found = shapes.filter((s) => districts.has(s.getAttribute("data-code")));
            }
            if (!found.length) { $("#council-found").textContent = ""; return; }
            const layer = document.createElementNS("http://www.w3.org/2000/svg", "g");
            layer.setAttribute("class", "found-layer");
            layer.setAttribute("aria-hidden", "true");
            for (const [colour, width] of [["#000", 5], ["#ffd400", 2.5]]) {
              for (const shape of found) {
                const copy = document.createElementNS("http://www.w3.org/2000/svg", "polygon");
                copy.setAttribute("points", shape.getAttribute("points"));
                copy.setAttribute("fill", "none");
                copy.setAttribute("stroke", colour);
                copy.setAttribute("stroke-width", String(width));
                copy.setAttribute("stroke-linejoin", "round");
                layer.append(copy);
              }
            }
            svg.append(layer);
            // The arrow keys start from the council found.
            for (const shape of shapes) shape.setAttribute("tabindex", shape === found[0] ? "0" : "-1");
            const name = council ? council.name : code;
            $("#council-found").textContent = name + " is outlined on the map"
              + (found.length > 1 ? " (" + found.length + " hexagons" + (council && council.tier === "county" ? ", its districts" : "") + ")" : "") + ".";
          }
          function openTyped() {
            const code = byName($("#council-search").value);
            if (code) openCouncil(code, false, $("#council-search"));
            else $("#council-search").setCustomValidity("No council of that name: type its name as on the list");
            $("#council-search").reportValidity();
          }
          function start() {
            const names = [...new Set(catalogue.authorityList.flatMap((a) => [a.name, a.officialName || a.name]))].sort((a, b) => a.localeCompare(b));
            $("#council-names").replaceChildren(...names.map((n) => el("option", {value: n})));
            $("#council-search").addEventListener("input", () => $("#council-search").setCustomValidity(""));
            $("#council-search").addEventListener("keydown", (event) => { if (event.key === "Enter") openTyped(); });
            $("#council-open").addEventListener("click", openTyped);
          }
          return {start: start, enhance: enhance, highlight: highlight};
        })();
    """#
}
