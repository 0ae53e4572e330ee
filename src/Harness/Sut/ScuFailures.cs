using System.Net.Sockets;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.Scu;

namespace Conformance.Harness.Sut;

/// <summary>Maps a failure of an in-process stack to how the association ended, for <see cref="ScuRun"/>.</summary>
public static class ScuFailures
{
    /// <summary>Whether the exception is one a DICOM operation can end with (not a bug in the harness).</summary>
    public static bool IsDicomFailure(Exception exception) =>
        exception is DicomNetworkException or NoAcceptedContextException or SocketException or IOException or DimseStatusException or TimeoutException;

    public static ScuRun From(string operation, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var run = new ScuRun { Operation = operation, Error = $"{exception.GetType().Name}: {exception.Message}", Elapsed = elapsed };
        return exception switch
        {
            AssociationRejectedException rejected => run with
            {
                Association = AssociationResult.Rejected,
                Rejection = new Rejection((int)rejected.Result, (int)rejected.RejectSource, rejected.Reason),
            },
            AssociationTimeoutException => run with { Association = AssociationResult.TimedOut },
            AssociationAbortedException => run with { Association = AssociationResult.Aborted },
            NoAcceptedContextException => run with { Association = AssociationResult.NoAcceptedContext },
            DicomNetworkException { InnerException: SocketException } or SocketException => run with { Association = AssociationResult.NotConnected },
            TimeoutException => run with { Association = AssociationResult.TimedOut },
            _ => run with { Association = AssociationResult.Failed },
        };
    }
}
