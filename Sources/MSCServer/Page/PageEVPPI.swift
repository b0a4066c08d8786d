extension Page {
    /// The decision tables as the page shows them: the EVPPI table's rows worth £0 (an input whose
    /// best fit is the constant) go behind a toggle, so the inputs that matter are read first.
    /// Placed inside the page script (it uses `el` and `reportTableBox`).
    static let evppiScript = #"""
        // MARK: Decision tables, the EVPPI's £0 rows behind a toggle
        function decisionTableBoxes(t) {
          const column = t.columns.indexOf("EVPPI (£)");
          // £0 exactly (every digit a zero); a row not estimated keeps its place, with its reason.
          const isZero = (row) => /\d/.test(row[column]) && !/[1-9]/.test(row[column]);
          if (column < 0 || !t.rows.some(isZero)) return [reportTableBox(t)];
          const shown = Object.assign({}, t, {rows: t.rows.filter((row) => !isZero(row))});
          const zero = t.rows.filter(isZero);
          const hidden = {title: "The " + zero.length + " inputs worth £0", columns: t.columns, rows: zero, notes: []};
          const box = reportTableBox(shown);
          box.classList.add("evppi");
          return [box, el("details", {class: "evppi-zero"},
            el("summary", {}, "Show the " + zero.length + " inputs worth £0 (each explains no more than noise would)"),
            reportTableBox(hidden))];
        }
    """#
}
