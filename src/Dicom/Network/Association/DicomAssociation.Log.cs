using System.Collections.Concurrent;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// Log lines of the association's actions (<see cref="Transport.ConnectionOptions.Log"/>). Actions may run under the
/// socket lock, so they only queue their line; the driver hands the queue to the sink once the lock is released.
/// </summary>
public sealed partial class DicomAssociation
{
    private readonly ConcurrentQueue<string> _pendingLog = new();

    /// <summary>The peer as the log names it: its AE title (once known) and address.</summary>
    internal string PeerDescription
    {
        get
        {
            var address = _connection?.RemoteEndPoint?.ToString();
            var ae = AssociationLog.Printable(_peerAe);
            return address is null || ae == address ? ae : $"'{ae}' at {address}";
        }
    }

    internal void Log(string line)
    {
        if (Options.Log is not null)
        {
            _pendingLog.Enqueue(line);
        }
    }

    /// <summary>Called outside every lock.</summary>
    internal void FlushLog()
    {
        if (Options.Log is not { } sink)
        {
            return;
        }

        while (_pendingLog.TryDequeue(out var line))
        {
            sink(line);
        }
    }
}
