namespace Conformance.Harness.Sut;

/// <summary>
/// A system under test: a DICOM implementation the matrix puts on the wire against the peers, in both
/// roles. This is the C# adapter interface: an in-process stack implements it directly (see
/// <c>Ours/OursSut</c>, the worked example in the README); anything else plugs in as an external SUT
/// (command templates and an SCP address, <c>External/ExternalSut</c>) without writing C#.
/// </summary>
public interface ISystemUnderTest : IAsyncDisposable
{
    /// <summary>The name results carry in their <c>sut</c> field: <c>ours</c>, <c>dcmtk</c>, or <c>external:NAME</c>.</summary>
    string Name { get; }

    /// <summary>What the SUT says about its version, for the report (e.g. "Conformance 1.0", "dcmtk 3.6.7").</summary>
    string Version { get; }

    /// <summary>The SUT as an SCU: one call per DIMSE operation.</summary>
    ISutScu Scu { get; }

    /// <summary>Starts the SUT as an SCP reachable at the request's address; dispose it to stop it.</summary>
    Task<ISutScp> StartScpAsync(SutScpRequest request, CancellationToken cancellationToken);
}

/// <summary>The SUT as an SCU. Each call opens its own association(s) and reports what it saw, never throwing for a DICOM-level failure.</summary>
public interface ISutScu
{
    Task<ScuRun> EchoAsync(ScuCall call, CancellationToken cancellationToken);

    Task<ScuRun> StoreAsync(ScuCall call, IReadOnlyList<string> files, CancellationToken cancellationToken);

    Task<ScuRun> FindAsync(ScuCall call, QuerySpec query, CancellationToken cancellationToken);

    Task<ScuRun> MoveAsync(ScuCall call, QuerySpec query, string destinationAe, CancellationToken cancellationToken);

    Task<ScuRun> GetAsync(ScuCall call, QuerySpec query, string outputDirectory, CancellationToken cancellationToken);
}

/// <summary>The SUT as an SCP while one case runs.</summary>
public interface ISutScp : IAsyncDisposable
{
    string AeTitle { get; }

    /// <summary>Where peers dial it; null: where the topology says our side is (<c>Topology.OurAddressForPeers</c>).</summary>
    string? Host { get; }

    int Port { get; }

    /// <summary>Stopwatch stamps of each stored instance, in order (per-operation latencies at the receiver); empty when the SUT cannot say.</summary>
    IReadOnlyList<long> StoredStamps { get; }

    /// <summary>What the SCP logged so far (evidence for a failing case).</summary>
    string Log { get; }

    /// <summary>The Part 10 files it stored, by SOP Instance UID; null when the SUT gives no access to its storage.</summary>
    IReadOnlyDictionary<string, string>? StoredFiles();

    /// <summary>Deletes the stored file of one instance while the SCP still lists it (a failed sub-operation to come); false when it cannot.</summary>
    Task<bool> RemoveStoredFileAsync(string sopInstanceUid, CancellationToken cancellationToken);
}
