extension Page {
    /// The page's looks: plain, readable, printable; no web fonts (nothing fetched from elsewhere).
    static let style = #"""
    :root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --accent: #08519c; --bad: #b00020; --bg: #fafafa; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: var(--bg); }
    header { padding: 14px 24px 6px; background: #fff; border-bottom: 1px solid var(--line); }
    h1 { font-size: 1.45rem; margin: 0 0 4px; }
    h2 { font-size: 1.1rem; margin: 0 0 8px; }
    h3 { font-size: 1rem; margin: 0 0 4px; }
    .lede { margin: 0 0 8px; max-width: 70rem; color: var(--muted); }
    main { display: grid; grid-template-columns: 320px minmax(0, 1fr); gap: 18px; padding: 16px 24px; }
    aside section, #results > section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; margin-bottom: 14px; }
    .hint { color: var(--muted); font-size: 0.88rem; font-weight: normal; }
    .error { color: var(--bad); font-weight: 600; }
    ul { padding-left: 18px; }
    #scenario-list { list-style: none; padding: 0; margin: 0 0 8px; }
    #scenario-list li { margin-bottom: 6px; }
    #scenario-list .question { display: block; color: var(--muted); font-size: 0.82rem; margin-left: 22px; }
    label.inline { display: inline-flex; gap: 6px; align-items: center; margin: 4px 10px 4px 0; }
    input[type=number] { width: 9em; }
    .upload { margin-top: 10px; }
    .upload label { display: block; font-weight: 600; margin-bottom: 4px; }
    button { font: inherit; padding: 5px 12px; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; margin: 4px 0; }
    button.small { padding: 1px 8px; font-size: 0.85rem; background: #fff; color: var(--accent); }
    #share-link { width: 100%; font-size: 0.8rem; margin: 4px 0; }
    #override-list li { margin-bottom: 4px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fff; min-width: 240px; flex: 1 1 240px; }
    .card .question { color: var(--muted); font-size: 0.85rem; margin: 0 0 6px; }
    /* A card's values wrap inside it ("2026-27 prices, discounted to 2026-27" ran past the card and
       widened the page with three scenarios); a figure itself stays whole (span.figure, and "−£38.8m"
       has no break inside). */
    .card dl { grid-template-columns: auto minmax(0, 1fr); }
    .card dd { white-space: normal; overflow-wrap: break-word; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; }
    dt { color: var(--muted); }
    dd { margin: 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
    span.figure { white-space: nowrap; }  /* a minus sign must not wrap away from its figure */
    dd.npv { font-weight: 700; font-size: 1.1rem; }
    body.computing .cards { opacity: 0.55; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
    table.compare td { font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    #compare-table, #decision { overflow-x: auto; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(420px, 100%), 1fr)); gap: 12px; margin-top: 12px; }
    .charts figure { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: 6px; background: #fff; }
    .charts svg, #map svg { width: 100%; height: auto; display: block; }
    figcaption { font-size: 0.85rem; color: var(--muted); }
    #progress { margin: 6px 0; }
    #progress progress { width: 50%; vertical-align: middle; }
    .map-row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); gap: 14px; align-items: start; }
    /* With no council's card open the map takes the whole row. */
    .map-row:has(#council-card[hidden]) { grid-template-columns: minmax(0, 1fr); }
    .map-row:has(#council-card[hidden]) #map svg { max-width: 860px; }
    #map [data-code] { cursor: pointer; stroke: #fff; stroke-width: 0.6; }
    #map [data-code]:hover, #map [data-code]:focus { stroke: #000; stroke-width: 2; outline: none; }
    .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.85rem; }
    .swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #999; margin-right: 5px; vertical-align: -2px; }
    #map-tooltip { position: absolute; background: #fff; border: 1px solid #888; padding: 6px 8px; font-size: 0.85rem; pointer-events: none; box-shadow: 0 2px 6px rgba(0,0,0,.15); max-width: 280px; }
    details.source summary, details.distribution summary { cursor: pointer; color: var(--accent); }
    details.source p { margin: 4px 0; font-size: 0.82rem; }
    .url { word-break: break-all; color: var(--muted); }
    .notes-text { white-space: pre-line; }
    table.assumptions .name { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.82rem; }
    table.assumptions .description { color: var(--muted); font-size: 0.82rem; }
    table.assumptions tr.changed { background: #fff7d6; }
    .parameters label { display: block; font-size: 0.82rem; }
    .grade-illustrative { color: var(--bad); }
    .grade-unconfirmed { color: #a15c00; }
    details > summary { margin: 4px 0; }
    #assumptions > details > summary { font-weight: 600; }
    .notes { font-size: 0.85rem; color: var(--muted); }
    #pilot-result .headline { font-weight: 600; max-width: 60rem; }
    #pilot-result .table-wrap { overflow-x: auto; }
    #pilot-result figure { margin: 12px 0; max-width: 760px; }
    #pilot-result svg { width: 100%; height: auto; display: block; }
    #pilot-sizes { width: 11em; } #pilot-years { width: 6em; }
    footer { padding: 8px 24px 24px; color: var(--muted); font-size: 0.85rem; }
    /* Where first? */
    .target-controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
    .target-table { max-height: 420px; overflow: auto; margin-top: 8px; }
    #target-charts .target-table { grid-column: 1 / -1; }
    /* The map across the whole row, so its place names read at about the size of the page's small print. */
    #target-charts figure[data-file$="-map.svg"] { grid-column: 1 / -1; }
    #target-charts figure[data-file$="-map.svg"] svg { max-width: 860px; }
    /* The council card's long lines wrap inside its box (figures stay whole: span.figure) */
    #council-card { min-width: 0; }
    #council-card dl { grid-template-columns: minmax(0, 1fr); }
    #council-card dt { margin-top: 6px; }
    #council-card dd { white-space: normal; overflow-wrap: break-word; }
    #council-card dd ul { margin: 0; }
    /* A refused value's message at its field */
    .field-error { margin: 4px 0 0; font-size: 0.85rem; max-width: 16em; }
    /* Your area, and report tables generally */
    .area-controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
    .report-table { overflow-x: auto; margin-top: 10px; }
    .report-table:focus { outline: 2px solid var(--accent); }
    /* The map's list of councils */
    .map-find { margin-top: 10px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
    .map-find input { min-width: 0; width: 18em; max-width: 100%; }
    .map-find .hint { flex-basis: 100%; margin: 0; }
    #map-table .report-table { max-height: 360px; overflow: auto; }
    #map [data-code]:focus-visible { stroke: #000; stroke-width: 3; }
    #council-found:empty { display: none; }
    .card-heading:focus { outline: 2px solid var(--accent); }
    /* Wide tables scroll inside their own box, never the page */
    #assumptions > details { overflow-x: auto; }
    @media (max-width: 480px) {
      header { padding: 10px 10px 4px; } main { padding: 8px; gap: 8px; }
      aside section, #results > section { padding: 10px 8px; }
      .card { min-width: 0; flex-basis: 100%; } dd { white-space: normal; }
      input[type=number] { width: 7em; }
      /* A long option or a control row must wrap, not widen the page. */
      label.inline { display: flex; flex-wrap: wrap; max-width: 100%; }
      select { max-width: 100%; }
      #pilot-section, #pilot-result { min-width: 0; max-width: 100%; }
      #pilot-result .table-wrap { max-width: 100%; }
    }
    /* On a narrow screen the map keeps a readable size and scrolls sideways inside its box (its
       place names at 11 units stay about 10 px high); a table's caption wraps within the screen
       instead of running off with the table's width. */
    @media (max-width: 700px) {
      #map { overflow-x: auto; }
      #map svg { min-width: 640px; }
      caption { max-width: calc(100vw - 40px); }
    }
    @media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); } .map-row { grid-template-columns: minmax(0, 1fr); } }
    """#
}
