namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>The report's stylesheet, inlined so the HTML is one self-contained file.</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { --first: #00ecbb; --second: #6400f9; --second-label: #803bff; --ink: #1d1d28; --muted: #62627a; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
        h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin: 32px 0 8px; font-size: 20px; }
        .muted, .note { color: var(--muted); } .note { font-size: 13px; }
        .warnings { background: #fff6e0; border-left: 4px solid #f0a800; padding: 8px 16px; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { padding: 6px 10px; border-bottom: 1px solid #e4e4ee; text-align: right; }
        th:nth-child(2), td:nth-child(2) { text-align: left; }
        .chart { width: 100%; max-width: 760px; height: auto; display: block; margin: 8px 0 16px; }
        .chart .grid { stroke: #e4e4ee; } .chart .tick { font-size: 12px; fill: var(--muted); }
        .chart .name { font-size: 13px; fill: var(--ink); } .chart .interval { stroke: var(--second); stroke-width: 3; stroke-linecap: round; opacity: .55; }
        .chart .score { fill: var(--second); }
        .pairs { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 20px; }
        .pair { border: 1px solid #e4e4ee; border-radius: 10px; padding: 12px; }
        .prompt { margin: 0 0 8px; font-weight: 600; }
        .images { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
        figure { margin: 0; position: relative; }
        figure img, .placeholder { width: 100%; aspect-ratio: 1; object-fit: contain; background: #f4f4f8; border-radius: 6px; display: block; }
        .placeholder { display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center;
          color: var(--muted); font-size: 13px; padding: 8px; border: 1px dashed #c8c8d8; overflow-wrap: anywhere; }
        figcaption { position: absolute; top: 8px; left: 50%; transform: translateX(-50%); padding: 2px 10px; border-radius: 6px;
          font-weight: 600; font-size: 13px; white-space: nowrap; }
        figcaption.first { background: rgb(0 236 187 / .8); } figcaption.second { background: rgb(128 59 255 / .8); color: #fff; }
        .bar { display: flex; height: 22px; margin-top: 8px; border-radius: 4px; overflow: hidden; font-size: 12px; font-weight: 600; }
        .bar span { display: flex; align-items: center; justify-content: center; min-width: 0; }
        .bar .first { background: rgb(0 236 187 / .6); } .bar .second { background: rgb(100 0 249 / .6); color: #fff; }
        .meta { margin: 6px 0 0; font-size: 12px; color: var(--muted); }
        """;
}
