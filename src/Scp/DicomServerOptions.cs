using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Scp;

/// <summary>How the SCP application runs. Immutable; derive variants with <c>with</c>.</summary>
public sealed record DicomServerOptions
{
    /// <summary>The called AE title we answer to.</summary>
    public string AeTitle { get; init; } = "CONFORMANCE";

    /// <summary>0 = any free port (read <see cref="DicomServer.Port"/> after start).</summary>
    public int Port { get; init; }

    /// <summary>Loopback by default; the suite only talks to 127.0.0.0/8 and its own containers.</summary>
    public System.Net.IPAddress BindAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>Concurrent associations; one more is rejected (local limit exceeded). 0 = unlimited.</summary>
    public int MaxAssociations { get; init; } = 32;

    /// <summary>Where received instances go: disk, memory or discard.</summary>
    public required IInstanceStorage Storage { get; init; }

    /// <summary>SQLite index file; null = an in-memory index.</summary>
    public string? IndexPath { get; init; }

    /// <summary>Private (or newer) SOP classes accepted for storage besides the registry's (DicomUidRegistry.StorageSopClasses).</summary>
    public IReadOnlyList<string> PrivateStorageSopClasses { get; init; } = [];

    /// <summary>Largest C-FIND/C-MOVE/C-GET identifier buffered; a longer one is refused (A700 / A701) and the rest of it dropped.</summary>
    public int MaxIdentifierLength { get; init; } = 1024 * 1024;

    /// <summary>Known C-MOVE destinations.</summary>
    public IReadOnlyList<MoveDestination> MoveDestinations { get; init; } = [];

    /// <summary>
    /// Pauses between attempts when a C-MOVE destination refuses our connection (default 50, 100, 200, 400 and 800 ms:
    /// at most about 1.6 s more before the sub-operations count as failed). gdcmscu 3.0 opens its storage port only
    /// after its C-MOVE-RQ is sent, so a first, immediate connection can be refused (docs/matrix.md,
    /// gdcm-move-listens-late). Empty: one attempt.
    /// </summary>
    public IReadOnlyList<TimeSpan> MoveDestinationRetryDelays { get; init; } =
        [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];

    /// <summary>fsync each received file before answering Success.</summary>
    public bool Durable { get; init; }

    public ConnectionOptions Connection { get; init; } = ConnectionOptions.Default;

    /// <summary>Our maximum P-DATA-TF body; 0 = unlimited.</summary>
    public uint MaxPduLength { get; init; } = 256 * 1024;

    /// <summary>Asynchronous operations window we grant when proposed (max performed).</summary>
    public ushort MaxOperationsPerformed { get; init; } = 16;

    /// <summary>Receives one line per notable event; null = silent.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Calling AE titles allowed, each optionally only from some source addresses (CALLING@10.0.0.0/8); null = any (docs/security.md).</summary>
    public IReadOnlyList<AeAccessRule>? AllowedCallingAes { get; init; }

    /// <summary>Called AE titles answered to besides <see cref="AeTitle"/>; any other is rejected (1, 1, 7).</summary>
    public IReadOnlyList<string> AllowedCalledAes { get; init; } = [];

    /// <summary>When set, every association must present one of these user identities (PS3.7 D.3.3.7); null = none required.</summary>
    public UserCredentials? Credentials { get; init; }

    /// <summary>DICOM TLS on the listening port (PS3.15 B); null = plain TCP.</summary>
    public TlsServerOptions? Tls { get; init; }
}
