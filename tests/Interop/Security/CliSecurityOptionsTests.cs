using System.Globalization;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Security;

/// <summary>
/// The CLI's security options as users run them: `conformance scp --tls-cert --tls-key [--tls-ca
/// --tls-require-client-cert]` as a child process, `conformance echo/store --tls ...` against it and against
/// DCMTK storescp +tls; bad combinations and unusable PEM files are one-line usage errors with exit code 2
/// (README's exit code table), a refused TLS connection is exit code 4 (network).
/// </summary>
public class CliSecurityOptionsTests : SecurityInteropTest
{
    private const int UsageExit = 2;
    private const int NetworkExit = 4;
    private const string ScpAe = "CLISECURE";

    private HostProcessRunner _runner = null!;

    [SetUp]
    public void CreateRunner() => _runner = new HostProcessRunner();

    [TearDown]
    public void EndProcesses() => _runner.Dispose();

    [Test]
    public async Task Scp_with_a_certificate_answers_echo_and_store_over_TLS_and_refuses_plain_and_untrusted_clients()
    {
        var storage = Temp.Sub("cli-scp");
        var port = await StartScpAsync(storage, "--tls-cert", Pki.Server.Certificate, "--tls-key", Pki.Server.Key);
        var sources = await WriteStudyAsync("CLITLS", 2);

        var echo = await ConformanceAsync("echo", "127.0.0.1", port, "--called", ScpAe, "--tls", "--tls-ca", Pki.Authority);
        var store = await ConformanceAsync(["store", "127.0.0.1", port, "--called", ScpAe, "--tls", "--tls-ca", Pki.Authority, .. sources]);
        var plain = await ConformanceAsync("echo", "127.0.0.1", port, "--called", ScpAe);
        var untrusted = await ConformanceAsync("echo", "127.0.0.1", port, "--called", ScpAe, "--tls", "--tls-ca", Pki.WrongAuthority);

        Assert.That(echo.ExitCode, Is.Zero, echo.Describe());
        Assert.That(store.ExitCode, Is.Zero, store.Describe());
        Assert.That(DicomFilesIn(storage), Has.Count.EqualTo(2));
        Assert.That(plain.ExitCode, Is.EqualTo(NetworkExit), plain.Describe());
        Assert.That(untrusted.ExitCode, Is.EqualTo(NetworkExit), untrusted.Describe());
        Assert.That(untrusted.StandardError, Does.Contain("is not accepted: PartialChain"), "says why the server was not trusted");
        Assert.That(DicomFilesIn(storage), Has.Count.EqualTo(2), "the refused connections stored nothing");
    }

    [Test]
    public async Task Scp_requiring_client_certificates_accepts_ours_and_refuses_a_client_without_one()
    {
        var storage = Temp.Sub("cli-scp-mutual");
        var port = await StartScpAsync(storage, "--tls-cert", Pki.Server.Certificate, "--tls-key", Pki.Server.Key, "--tls-ca", Pki.Authority, "--tls-require-client-cert");

        var withCertificate = await ConformanceAsync("echo", "127.0.0.1", port, "--called", ScpAe, "--tls", "--tls-ca", Pki.Authority, "--tls-cert", Pki.Client.Certificate, "--tls-key", Pki.Client.Key);
        var without = await ConformanceAsync("echo", "127.0.0.1", port, "--called", ScpAe, "--tls", "--tls-ca", Pki.Authority);

        Assert.That(withCertificate.ExitCode, Is.Zero, withCertificate.Describe());
        Assert.That(without.ExitCode, Is.EqualTo(NetworkExit), without.Describe());
    }

    [Test]
    public async Task Store_with_TLS_and_a_client_certificate_arrives_at_DCMTK_storescp()
    {
        var sources = await WriteStudyAsync("CLITODCMTK", 2);
        var received = Temp.Sub("storescp");
        var port = FreePort.Get();
        var storescp = StartTool("storescp", [.. PkiFiles.DcmtkTls(Pki.Server, Pki.Authority), "--require-peer-cert", "-aet", "STORESCP", "-od", received, port.ToString(CultureInfo.InvariantCulture)]);
        await storescp.WaitForListeningAsync(port, ToolLimit, CancellationToken.None);

        var store = await ConformanceAsync(["store", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), "--called", "STORESCP", "--tls", "--tls-ca", Pki.Authority, "--tls-cert", Pki.Client.Certificate, "--tls-key", Pki.Client.Key, .. sources]);

        Assert.That(store.ExitCode, Is.Zero, store.Describe());
        Assert.That(FilesIn(received), Has.Length.EqualTo(2));
    }

    private static IEnumerable<TestCaseData> UsageErrors()
    {
        yield return Case("scp --tls-cert without --tls-key", p => Scp("--tls-cert", p.Server.Certificate), "--tls-key");
        yield return Case("scp --tls-require-client-cert without --tls-ca", p => Scp("--tls-cert", p.Server.Certificate, "--tls-key", p.Server.Key, "--tls-require-client-cert"), "--tls-ca");
        yield return Case("scp with a missing certificate file", p => Scp("--tls-cert", p.Server.Certificate + ".missing", "--tls-key", p.Server.Key), ".missing");
        yield return Case("scp with a file that is not PEM", p => Scp("--tls-cert", NotPem(p), "--tls-key", p.Server.Key), "not-pem.txt");
        yield return Case("scp with a key that is not the certificate's", p => Scp("--tls-cert", p.Server.Certificate, "--tls-key", p.Client.Key), "server.pem");
        yield return Case("scp --allow-calling with a bad address range", _ => Scp("--allow-calling", "FRIEND@10.0.0.0/99"), "--allow-calling");
        yield return Case("echo --password without --user", _ => Echo("--password", "p"), "--password needs --user");
        yield return Case("echo --tls-ca without --tls", p => Echo("--tls-ca", p.Authority), "need --tls");
        yield return Case("echo --tls --tls-cert without --tls-key", p => Echo("--tls", "--tls-cert", p.Client.Certificate), "go together");
        yield return Case("echo --tls --tls-ca with a file that is not PEM", p => Echo("--tls", "--tls-ca", NotPem(p)), "not-pem.txt");
    }

    [TestCaseSource(nameof(UsageErrors))]
    public async Task Bad_security_options_are_one_line_usage_errors(Func<PkiFiles, string[]> arguments, string mentioned)
    {
        var result = await ConformanceAsync(arguments(Pki));

        Assert.That(result.ExitCode, Is.EqualTo(UsageExit), result.Describe());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.Describe());
        Assert.That(lines[0], Does.Contain(mentioned));
    }

    private static TestCaseData Case(string name, Func<PkiFiles, string[]> arguments, string mentioned) =>
        new TestCaseData(arguments, mentioned).SetName($"Usage error: {name}");

    private static string[] Scp(params string[] extra) => ["scp", "--port", "1", "--ae", ScpAe, "--storage", "memory", .. extra];

    private static string[] Echo(params string[] extra) => ["echo", "127.0.0.1", "1", "--called", ScpAe, .. extra];

    private static string NotPem(PkiFiles pki)
    {
        var path = Path.Combine(Path.GetDirectoryName(pki.Authority)!, "not-pem.txt");
        File.WriteAllText(path, "this is not a certificate\n");
        return path;
    }

    private async Task<string> StartScpAsync(string storage, params string[] security)
    {
        var port = FreePort.Get();
        var process = _runner.StartBackground(new HostProcessStart("dotnet", [ConformanceDll, "scp", "--port", port.ToString(CultureInfo.InvariantCulture), "--ae", ScpAe, "--storage", storage, .. security]));
        await process.WaitForListeningAsync(port, TimeSpan.FromSeconds(60), CancellationToken.None);
        return port.ToString(CultureInfo.InvariantCulture);
    }

    private Task<HostProcessResult> ConformanceAsync(params string[] arguments) =>
        _runner.RunAsync("dotnet", [ConformanceDll, .. arguments], ToolLimit, null, CancellationToken.None);

    private static string ConformanceDll => Path.Combine(AppContext.BaseDirectory, "conformance.dll");
}
