using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Report;

/// <summary>
/// Debian's `chromium` driven directly (no browser download, which fails offline): --dump-dom for what
/// was rendered, --screenshot for its pixels. Missing chromium fails the test with what to install.
/// </summary>
public sealed class HeadlessChromium
{
    private readonly string _chromium;

    private HeadlessChromium(string chromium) => _chromium = chromium;

    public static HeadlessChromium Require()
    {
        var chromium = HostProcessRunner.FindOnPath("chromium") ?? HostProcessRunner.FindOnPath("chromium-browser");
        if (chromium is null)
        {
            Assert.Fail("chromium is not installed; the report rendering test needs Debian's package: apt-get install chromium (.ci/run install does it).");
        }

        return new HeadlessChromium(chromium!);
    }

    public async Task<string> DumpDomAsync(string file, string profile) =>
        (await RunAsync(profile, "--dump-dom", new Uri(file).AbsoluteUri)).StandardOutput;

    public async Task ScreenshotAsync(string file, string png, int width, int height, string profile) =>
        await RunAsync(profile, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(file).AbsoluteUri);

    private async Task<HostProcessResult> RunAsync(string profile, params string[] arguments)
    {
        using var runner = new HostProcessRunner();
        string[] common =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
        ];
        var result = await runner.RunAsync(new HostProcessStart(_chromium, [.. common, .. arguments]) { Timeout = TimeSpan.FromMinutes(2) }, CancellationToken.None);
        result.ExitCode.Should().Be(0, result.Describe());
        return result;
    }
}
