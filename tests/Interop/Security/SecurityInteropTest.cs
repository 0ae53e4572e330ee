using System.Collections.Concurrent;
using Conformance.Dicom.Network.Security;
using Conformance.Interop.Tests.Dimse;
using Conformance.Scp;
using Conformance.TestSupport.Security;

namespace Conformance.Interop.Tests.Security;

/// <summary>
/// Shared setup of the security interop tests: the run's PKI as PEM files in the test's scratch directory, and our
/// SCP with DICOM TLS (the run's server certificate; client certificates from the run's authority required) whose
/// log lines are kept, so a refusal can be checked for the reason it gives.
/// </summary>
public abstract class SecurityInteropTest : DimseInteropTest
{
    protected const string OurAe = "SECURESCP";

    private readonly ConcurrentQueue<string> _log = new();

    protected PkiFiles Pki { get; private set; } = null!;

    /// <summary>Our SCP's log lines so far.</summary>
    protected IReadOnlyCollection<string> ScpLog => _log;

    [SetUp]
    public void WritePki()
    {
        _log.Clear();
        Pki = PkiFiles.WriteTo(Temp.Sub("pki"));
    }

    /// <summary>TLS as our SCP runs it in these tests: server certificate from the run's authority, client certificates required.</summary>
    protected static TlsServerOptions RequireClientCertificates => new()
    {
        Certificate = TestPki.Instance.Server,
        TrustedAuthorities = TestPki.Instance.Authorities,
        RequireClientCertificate = true,
    };

    /// <summary>Our SCP with TLS (<see cref="RequireClientCertificates"/>), then <paramref name="configure"/>.</summary>
    protected Task<(DicomServer Server, string Directory)> StartSecureScpAsync(Func<DicomServerOptions, DicomServerOptions>? configure = null) =>
        StartOurScpAsync(OurAe, options => (configure ?? (o => o))(options with
        {
            Tls = RequireClientCertificates,
            Log = line =>
            {
                _log.Enqueue(line);
                TestContext.Progress.WriteLine($"[{OurAe}] {line}");
            },
        }));

    /// <summary>The first log line holding every fragment, waited for briefly (the line is written as the connection closes).</summary>
    protected async Task<string> LoggedAsync(params string[] fragments)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var line = _log.FirstOrDefault(l => fragments.All(f => l.Contains(f, StringComparison.Ordinal)));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"no SCP log line with [{string.Join("] [", fragments)}]; the log was:{Environment.NewLine}{string.Join(Environment.NewLine, _log)}");
        return string.Empty;
    }

    /// <summary>Files in a DCMTK output directory (storescp writes one per received object, nothing else).</summary>
    protected static string[] FilesIn(string directory) => Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
}
