namespace Conformance.Dicom.Network.Association.Verification;

/// <summary>
/// A minimal Verification SCP handler for <see cref="DicomListener.RunAsync"/>: answers every C-ECHO-RQ
/// with status Success until the peer releases; any other request gets status 0x0211 (unrecognised operation).
/// </summary>
public static class VerificationScp
{
    public const ushort Success = 0x0000;
    public const ushort UnrecognizedOperation = 0x0211;

    /// <summary>Serves until the peer releases; returns how many C-ECHO requests were answered with Success.</summary>
    public static async Task<int> HandleAsync(DicomAssociation association, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(association);
        var answered = 0;
        while (await association.ReceiveAsync(_ => DiscardDataSink.Instance, ct).ConfigureAwait(false) is { } message)
        {
            var command = message.CommandSet.Span;
            var field = EchoCommandSet.ReadUs(command, 0x0100);
            var messageId = EchoCommandSet.ReadUs(command, 0x0110) ?? 0;
            var status = field == EchoCommandSet.EchoRequestField ? Success : UnrecognizedOperation;
            await association.SendAsync(message.PresentationContextId, EchoCommandSet.Response(messageId, status), null, ct).ConfigureAwait(false);
            answered += status == Success ? 1 : 0;
        }

        return answered;
    }
}
