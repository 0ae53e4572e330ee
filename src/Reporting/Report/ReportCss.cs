namespace Conformance.Reporting.Report;

/// <summary>The report's style sheet, inlined so that report.html is one file that opens from disk.</summary>
internal static class ReportCss
{
    public const string Text = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #1b1b1b; background: #ffffff; }
        h1 { font-size: 24px; margin: 0 0 4px 0; }
        h2 { font-size: 19px; border-bottom: 1px solid #d0d0d0; padding-bottom: 4px; margin-top: 28px; }
        h3 { font-size: 15px; margin: 0 0 6px 0; }
        .meta { color: #555555; font-size: 13px; }
        .notes { background: #fff6d6; border: 1px solid #e0c060; padding: 8px 12px; margin: 12px 0; }
        .counts { font-size: 16px; margin: 10px 0; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { border: 1px solid #c8c8c8; padding: 4px 8px; text-align: left; vertical-align: top; }
        th.topology { background: #e8eef6; text-align: center; }
        th.peer { background: #f3f3f3; font-weight: normal; }
        th.service { background: #f3f3f3; white-space: nowrap; }
        .cell { text-align: center; white-space: nowrap; }
        span.cell { display: inline-block; padding: 1px 6px; border: 1px solid #c8c8c8; }
        .cell.pass { background: #c9ecc9; }
        .cell.fail { background: #f4b4b4; font-weight: bold; }
        .cell.peer-defect { background: #f7dca0; }
        .cell.not-applicable { background: #e4e4e4; color: #555555; }
        .cell.none { background: #ffffff; color: #999999; }
        .cell a { color: #600000; }
        .badge { font-size: 12px; padding: 1px 6px; border-radius: 3px; }
        .badge.fail { background: #f4b4b4; }
        .badge.peer-defect { background: #f7dca0; }
        article.case { border: 1px solid #d8d8d8; border-left: 6px solid #c03030; padding: 8px 12px; margin: 10px 0; }
        article.case.peer-defect { border-left-color: #d09020; }
        dl { display: grid; grid-template-columns: 110px 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
        dt { color: #555555; }
        dd { margin: 0; }
        pre { margin: 0; white-space: pre-wrap; font-size: 12px; }
        ul.evidence { margin: 0; padding-left: 18px; }
        figure.plot { margin: 12px 0; }
        figure.plot img { border: 1px solid #d8d8d8; max-width: 100%; }
        figcaption { font-size: 12px; color: #555555; }
        .legend { font-size: 12px; color: #555555; }
        .empty { color: #555555; font-style: italic; }
        details summary { cursor: pointer; }
        """;
}
