using Conformance.Dicom;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Harness.Sut.Ours;

/// <summary>
/// Our stack in this process: <c>DicomScu</c> (src/Dicom) as the SCU and the SCP application
/// <c>DicomServer</c> (src/Scp) as the SCP. The worked example of the C# adapter interface.
/// <see cref="Pathological"/> is the same stack with the socket behaviour of docs/pathologies.md turned on: the
/// canary SUT, whose timed cells must fail their budget.
/// </summary>
public sealed class OursSut : ISystemUnderTest
{
    public const string SutName = "ours";

    public const string PathologicalName = "ours-pathological";

    /// <summary>
    /// <see cref="ConnectionOptions.Pathological"/> without its receive buffer shrunk after connect: Nagle on, split
    /// header/data writes, no quick ACK (mechanism A). The shrunk buffer is mechanism B, which on loopback cost 3.4 s
    /// per image in one run and nothing in the next (docs/budgets.md, the ours-pathological canary): a SUT whose
    /// timed cells must fail with <c>nagle-delayed-ack</c> cannot carry it.
    /// </summary>
    public static ConnectionOptions PathologicalConnection { get; } = ConnectionOptions.Pathological with { ReceiveBufferSizeAfterConnect = null };

    private readonly ConnectionOptions _connection;
    private readonly string _change;

    public OursSut()
        : this(SutName, ConnectionOptions.Default, "")
    {
    }

    private OursSut(string name, ConnectionOptions connection, string change)
    {
        Name = name;
        _connection = connection;
        _change = change;
        Scu = new OursScu(connection);
    }

    /// <summary>The canary SUT: our stack with <see cref="PathologicalConnection"/> in both roles.</summary>
    public static OursSut Pathological() =>
        new(PathologicalName, PathologicalConnection, ", pathological sockets (Nagle on, split header/data writes, no quick ACK)");

    public string Name { get; }

    public string Version => $"{DicomImplementation.VersionName} ({DicomImplementation.ClassUid}){_change}";

    public ISutScu Scu { get; }

    public async Task<ISutScp> StartScpAsync(SutScpRequest request, CancellationToken cancellationToken) =>
        await OursScp.StartAsync(request, _connection, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
