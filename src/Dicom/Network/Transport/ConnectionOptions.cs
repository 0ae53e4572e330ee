using Conformance.Dicom.Network.Security;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// Socket behaviour and timers of one association. Immutable: derive variants with <c>with</c>.
/// The defaults avoid both stalls of docs/pathologies.md (Nagle + delayed ACK, buffers shrunk after
/// connect); <see cref="Pathological"/> reproduces them on purpose for the suite's canaries.
/// </summary>
public sealed record ConnectionOptions
{
    public static ConnectionOptions Default { get; } = new();

    /// <summary>Nagle on, PDU and PDV headers written apart from the PDV data, receive buffer shrunk to 16 KB after connect/accept, no quick ACK.</summary>
    public static ConnectionOptions Pathological { get; } = new()
    {
        NoDelay = false,
        QuickAck = false,
        SplitPduWrites = true,
        ReceiveBufferSizeAfterConnect = 16 * 1024,
    };

    /// <summary>The partial stall: Nagle on, and split header/data writes on every <paramref name="everyNth"/> message only; otherwise the defaults.</summary>
    public static ConnectionOptions PartiallyPathological(int everyNth) => Default with { NoDelay = false, SplitPduWrites = true, SplitEveryNthMessage = everyNth };

    /// <summary>TCP_NODELAY: disables Nagle's algorithm (default true).</summary>
    public bool NoDelay { get; init; } = true;

    /// <summary>Linux TCP_QUICKACK re-armed around every receive (default true; ignored elsewhere).</summary>
    public bool QuickAck { get; init; } = true;

    /// <summary>SO_SNDBUF set before connect; null leaves it to the kernel.</summary>
    public int? SendBufferSize { get; init; }

    /// <summary>SO_RCVBUF set before connect; null leaves it to the kernel.</summary>
    public int? ReceiveBufferSize { get; init; }

    /// <summary>SO_RCVBUF set AFTER connect/accept (the mechanism B stall); null = never.</summary>
    public int? ReceiveBufferSizeAfterConnect { get; init; }

    /// <summary>Write the 12-byte PDU+PDV header and the PDV data with separate sends, one PDV per PDU (mechanism A).</summary>
    public bool SplitPduWrites { get; init; }

    /// <summary>With <see cref="SplitPduWrites"/>: split the Nth, 2Nth, ... message sent on the connection only (default 1: every message).</summary>
    public int SplitEveryNthMessage { get; init; } = 1;

    /// <summary>Whether the message with this 1-based number on its connection goes out as split writes.</summary>
    public bool SplitsMessage(long number) => SplitPduWrites && number % Math.Max(1, SplitEveryNthMessage) == 0;

    /// <summary>
    /// Let the first data PDV share the command's P-DATA-TF (default false: the command set gets a PDU of
    /// its own, as DCMTK sends it, because GDCM 3.0 stalls on a PDU holding both). Either way they may go
    /// out in the same socket send.
    /// </summary>
    public bool CommandAndDataInOnePdu { get; init; }

    /// <summary>Bytes gathered before one send when several PDUs are ready (default 256 KB).</summary>
    public int SendBatchSize { get; init; } = 256 * 1024;

    /// <summary>PDU body size used when the peer announces 0 (unlimited) or more than this (default 1 MB).</summary>
    public int LargestPduSent { get; init; } = 1024 * 1024;

    /// <summary>TCP connection establishment.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Pauses before each further attempt when the peer refuses the TCP connection (RST to our SYN); empty (the
    /// default) fails at the first refusal. A C-MOVE SCP sets a short series because some move SCUs (gdcmscu
    /// 3.0) open their storage port only after sending the C-MOVE-RQ; a timeout is never retried.
    /// </summary>
    public IReadOnlyList<TimeSpan> RefusedConnectRetryDelays { get; init; } = [];

    /// <summary>PS3.8 ARTIM timer; also bounds the waits for A-ASSOCIATE-AC/RJ and A-RELEASE-RP.</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait for one DIMSE response; used by the DIMSE layer through ReceiveAsync's timeout.</summary>
    public TimeSpan DimseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An established association with no PDU sent or received for this long is aborted (default 2 minutes, so a
    /// silent peer cannot hold an association slot forever; Orthanc uses 30 s, DCMTK's SCPs no limit).
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Once the first byte of a PDU arrived, the rest must arrive within this (for a P-DATA-TF too large to buffer
    /// whole, each slice of <see cref="PduReader.BufferedPduLimit"/>): a peer sending one byte a second is closed.
    /// Default 30 s.
    /// </summary>
    public TimeSpan PduReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Optional observer of PDUs and state transitions (called outside any lock).</summary>
    public IAssociationMonitor? Monitor { get; init; }

    /// <summary>
    /// One line per notable event of the listener and its associations (refused connections, failed TLS handshakes,
    /// associations accepted or rejected and why, A-ABORTs sent or received and why, PDUs that were malformed or
    /// unexpected); null = silent. Called outside every lock; it must not block.
    /// </summary>
    public Action<string>? Log { get; init; }

    /// <summary>DICOM TLS when we connect (PS3.15 B); null = plain TCP.</summary>
    public TlsClientOptions? TlsClient { get; init; }

    /// <summary>DICOM TLS on the connections a listener accepts (PS3.15 B); null = plain TCP.</summary>
    public TlsServerOptions? TlsServer { get; init; }
}
