using System.Net;

namespace Conformance.Harness.Sut;

/// <summary>What the SUT's SCP must serve in a case: storage (C-ECHO, C-STORE) or also query/retrieve.</summary>
public enum SutScpKind
{
    Storage,
    QueryRetrieve,
}

/// <summary>Another application entity the SUT's SCP must know: a C-MOVE destination, or an admitted caller (port unused).</summary>
public sealed record SutPeer(string AeTitle, string Host, int Port);

/// <summary>How to start the SUT as an SCP for one case.</summary>
public sealed record SutScpRequest
{
    public required string AeTitle { get; init; }

    /// <summary>The address the SCP listens on (the topology says where peers can reach our side).</summary>
    public required IPAddress ListenAddress { get; init; }

    /// <summary>A fresh folder for its storage, index and logs; deleted after the case.</summary>
    public required string WorkDirectory { get; init; }

    public SutScpKind Kind { get; init; } = SutScpKind.QueryRetrieve;

    public IReadOnlyList<SutPeer> MoveDestinations { get; init; } = [];

    /// <summary>Callers it admits (AE title and the address it sees them at); null admits any. A SUT that cannot restrict callers says so.</summary>
    public IReadOnlyList<SutPeer>? AllowedCallers { get; init; }

    /// <summary>Largest P-DATA-TF variable field it accepts; null: its default; 0: unlimited.</summary>
    public uint? MaxPdu { get; init; }

    /// <summary>TCP_NODELAY for SUTs that make it a setting (DCMTK); null: its default.</summary>
    public bool? NoDelay { get; init; }
}
