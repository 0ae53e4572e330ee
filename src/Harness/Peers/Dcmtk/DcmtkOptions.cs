using System.Globalization;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>
/// DCMTK's knobs that matter on the wire, as typed options: TCP_NODELAY and TCP_BUFFER_LENGTH are
/// environment variables read by DCMTK's network layer; the maximum PDU and the log level are
/// command-line options. Null leaves DCMTK's default (Nagle on, OS buffers, 16 KB PDU).
/// </summary>
public sealed record DcmtkOptions
{
    public bool? TcpNoDelay { get; init; }

    public int? TcpBufferLength { get; init; }

    public int? MaxPdu { get; init; }

    public DcmtkLogLevel LogLevel { get; init; } = DcmtkLogLevel.Debug;

    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TcpNoDelay is { } noDelay)
        {
            environment["TCP_NODELAY"] = noDelay ? "1" : "0";
        }

        if (TcpBufferLength is { } length)
        {
            environment["TCP_BUFFER_LENGTH"] = length.ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }

    public IReadOnlyList<string> Arguments()
    {
        var arguments = new List<string>();
        switch (LogLevel)
        {
            case DcmtkLogLevel.Verbose:
                arguments.Add("-v");
                break;
            case DcmtkLogLevel.Debug:
                arguments.Add("-d");
                break;
        }

        if (MaxPdu is { } pdu)
        {
            arguments.AddRange(["--max-pdu", pdu.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }
}
