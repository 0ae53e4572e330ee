namespace Conformance.Harness.Sut;

/// <summary>
/// Where and how one SCU operation runs: the peer's address as our side sees it, AE titles, a work folder
/// for files the operation makes (query files, responses), and the knobs a case varies.
/// </summary>
public sealed record ScuCall
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string CalledAe { get; init; }

    public string CallingAe { get; init; } = "SUTSCU";

    public required string WorkDirectory { get; init; }

    /// <summary>Largest P-DATA-TF variable field the SUT accepts (announced in A-ASSOCIATE); null: its default; 0: unlimited.</summary>
    public uint? MaxPdu { get; init; }

    /// <summary>How long the SUT waits for one DIMSE response before giving up; null: its default.</summary>
    public TimeSpan? DimseTimeout { get; init; }

    /// <summary>TCP_NODELAY for SUTs that make it a setting (DCMTK: the environment variable); null: its default.</summary>
    public bool? NoDelay { get; init; }
}
