using System.Diagnostics;
using Conformance.Dicom.Network.Association.Negotiation;

namespace Conformance.Dicom.Network.Association.Verification;

/// <summary>C-ECHO as an SCU on an established association.</summary>
public static class VerificationScu
{
    /// <summary>Sends C-ECHO-RQ and waits (DIMSE timer) for its response; returns the status and the round trip.</summary>
    public static async Task<(ushort Status, TimeSpan RoundTrip)> EchoAsync(DicomAssociation association, ushort messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(association);
        var context = association.Info.FindAccepted(NegotiationUids.Verification)
            ?? throw new DicomNetworkException($"{association.Info.CalledAe} accepted no presentation context for Verification");
        var started = Stopwatch.GetTimestamp();
        await association.SendAsync(context.Id, EchoCommandSet.Request(messageId), null, ct).ConfigureAwait(false);
        var response = await association.ReceiveAsync(_ => DiscardDataSink.Instance, association.Options.DimseTimeout, ct).ConfigureAwait(false)
            ?? throw new DicomNetworkException($"{association.Info.CalledAe} released the association instead of answering C-ECHO");
        var elapsed = Stopwatch.GetElapsedTime(started);
        var command = response.CommandSet.Span;
        if (EchoCommandSet.ReadUs(command, 0x0100) != EchoCommandSet.EchoResponseField
            || EchoCommandSet.ReadUs(command, 0x0120) != messageId)
        {
            throw new DicomNetworkException($"{association.Info.CalledAe} answered C-ECHO {messageId} with another message");
        }

        var status = EchoCommandSet.ReadUs(command, 0x0900)
            ?? throw new DicomNetworkException($"{association.Info.CalledAe} answered C-ECHO without a status");
        return (status, elapsed);
    }
}
