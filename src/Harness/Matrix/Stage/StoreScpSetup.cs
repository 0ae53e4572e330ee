using Conformance.Harness.Peers.Dcmtk;

namespace Conformance.Harness.Matrix.Stage;

/// <summary>
/// One storescp configuration a topology's cases share (started once per topology and run): its AE title,
/// extra arguments (an accepting option such as +xs, --max-pdu, a fault such as --abort-during) and DCMTK knobs.
/// Every one writes bit-preserving (+B), so what arrived can be compared byte for byte with what was sent.
/// </summary>
public sealed record StoreScpSetup(string Key, string AeTitle, IReadOnlyList<string> Arguments)
{
    /// <summary>The arguments storescp runs with: +B, then the setup's own.</summary>
    public IReadOnlyList<string> AllArguments => ["+B", .. Arguments];

    public DcmtkOptions Options { get; init; } = new();

    /// <summary>storescp's defaults: the uncompressed syntaxes, explicit VR little endian preferred.</summary>
    public static StoreScpSetup Default { get; } = new("default", "STORESCP", []);

    /// <summary>The containerised C-MOVE destination.</summary>
    public static StoreScpSetup Destination { get; } = new("destination", "STOREDEST", []);

    /// <summary>The reference pair's receiver: TCP_NODELAY=1 (docs/pathologies.md).</summary>
    public static StoreScpSetup NoDelay { get; } = new("nodelay", "STORESCP", []) { Options = new DcmtkOptions { TcpNoDelay = true } };

    public static StoreScpSetup Accepting(string option) => new("accept" + option, "STORESCP", [option]);

    public static StoreScpSetup WithMaxPdu(int maxPdu) => new($"max-pdu-{maxPdu}", "STORESCP", []) { Options = new DcmtkOptions { MaxPdu = maxPdu } };

    public static StoreScpSetup Fault(params string[] arguments) => new("fault" + string.Join(string.Empty, arguments), "STORESCP", arguments);
}
