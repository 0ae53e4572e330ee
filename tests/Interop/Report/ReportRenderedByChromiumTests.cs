using System.Text.RegularExpressions;
using Conformance.Interop.Tests.Support;
using Conformance.Reporting.Report;
using Conformance.Reporting.Results;
using SkiaSharp;

namespace Conformance.Interop.Tests.Report;

/// <summary>
/// report.html as a browser shows it, opened from disk by headless Chromium: the matrix is in the
/// rendered DOM, a failing cell links to its failure and that to evidence files that exist, and the
/// plots are not blank (pixels of ours and of the reference series in the screenshot).
/// </summary>
[NonParallelizable]
public partial class ReportRenderedByChromiumTests
{
    [Test]
    public async Task Chromium_renders_the_matrix_and_links_a_failing_cell_to_its_evidence()
    {
        var chromium = HeadlessChromium.Require();
        using var directory = new TempDirectory("conformance-report");
        var report = await WriteReportAsync(directory);

        var dom = await chromium.DumpDomAsync(report, directory.Sub("profile"));

        dom.Should().Contain("<table class=\"matrix\">");
        var failingCell = FailingCellLink().Match(dom);
        failingCell.Success.Should().BeTrue("a failing cell links to its failure entry:\n" + dom[..Math.Min(2000, dom.Length)]);
        var anchor = failingCell.Groups[1].Value;
        var entry = Regex.Match(dom, $"<article class=\"case fail\" id=\"{anchor}\">(.*?)</article>", RegexOptions.Singleline);
        entry.Success.Should().BeTrue($"the entry #{anchor} is rendered");
        var evidence = EvidenceLink().Matches(entry.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        evidence.Should().NotBeEmpty();
        evidence.Should().AllSatisfy(href => File.Exists(Path.Combine(directory.Path, href)).Should().BeTrue($"{href} resolves next to report.html"));
        entry.Groups[1].Value.Should().Contain("nagle-delayed-ack", "the failure shows its signature");
    }

    [Test]
    public async Task Chromium_screenshot_shows_plots_with_ours_and_the_reference()
    {
        var chromium = HeadlessChromium.Require();
        using var directory = new TempDirectory("conformance-report");
        var report = await WriteReportAsync(directory);
        var png = directory.File("screenshot.png");

        await chromium.ScreenshotAsync(report, png, 1400, 3200, directory.Sub("profile"));

        using var bitmap = SKBitmap.Decode(png);
        bitmap.Should().NotBeNull("chromium wrote a PNG");
        var ours = CountNear(bitmap, ReportPlots.OursColor.ToSKColor());
        var reference = CountNear(bitmap, ReportPlots.ReferenceColor.ToSKColor());
        ours.Should().BeGreaterThan(2000, "the boxes and bars of ours are drawn");
        reference.Should().BeGreaterThan(2000, "the reference pair is drawn beside ours");
        var kept = Path.Combine(ResultsLocation.Directory(), "report-screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        File.Copy(png, kept, overwrite: true);
        TestContext.Out.WriteLine($"screenshot kept at {kept}");
    }

    private static async Task<string> WriteReportAsync(TempDirectory directory)
    {
        var document = RenderedSample.Document();
        foreach (var evidence in document.Results.SelectMany(r => r.Evidence))
        {
            var path = Path.Combine(directory.Path, evidence);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "evidence of " + evidence);
        }

        await ReportFiles.WriteAsync(document, directory.Path, CancellationToken.None);
        return directory.File(ReportFiles.Html);
    }

    private static int CountNear(SKBitmap bitmap, SKColor target)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - target.Red) + Math.Abs(p.Green - target.Green) + Math.Abs(p.Blue - target.Blue) < 24)
                {
                    count++;
                }
            }
        }

        return count;
    }

    [GeneratedRegex("<td class=\"cell fail\" data-outcome=\"fail\"[^>]*><a href=\"#(case-\\d+)\">")]
    private static partial Regex FailingCellLink();

    [GeneratedRegex("<a class=\"evidence\" href=\"([^\"]+)\">")]
    private static partial Regex EvidenceLink();
}
