using System.Diagnostics;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Scu;

/// <summary>
/// The SCU library API: C-ECHO, C-STORE (files or data sets, pipelined within the negotiated window),
/// C-FIND (an async stream with C-CANCEL), C-MOVE and C-GET (with progress). Each call opens its own
/// association(s) and releases them; results carry timings and PDU/byte counts.
/// </summary>
public sealed partial class DicomScu
{
    private static readonly string[] LittleEndian = [NegotiationUids.ExplicitVrLittleEndian, NegotiationUids.ImplicitVrLittleEndian];

    public DicomScu(DicomScuOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public DicomScuOptions Options { get; }

    public async Task<EchoResult> EchoAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var association = await ConnectAsync([new PresentationContextProposal(CEchoRequest.VerificationSopClassUid, LittleEndian)], false, cancellationToken)
            .ConfigureAwait(false);
        await using (association.ConfigureAwait(false))
        {
            var context = RequireAccepted(association, CEchoRequest.VerificationSopClassUid);
            using var channel = new DimseChannel(association);
            var pending = await channel.SendRequestAsync(context.Id, new CEchoRequest { MessageId = channel.NextMessageId() }, null, cancellationToken)
                .ConfigureAwait(false);
            var reply = await pending.FinalAsync(cancellationToken).ConfigureAwait(false);
            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            var stats = OperationStatistics.Empty.Add(association) with { Elapsed = Stopwatch.GetElapsedTime(started) };
            return new EchoResult(reply.Response.Status, pending.Elapsed, stats);
        }
    }

    internal async Task<DicomAssociation> ConnectAsync(IReadOnlyList<PresentationContextProposal> contexts, bool asyncWindow, CancellationToken cancellationToken) =>
        await DicomAssociation.ConnectAsync(Options.Request(contexts, asyncWindow), Options.Connection, cancellationToken).ConfigureAwait(false);

    internal static NegotiatedPresentationContext RequireAccepted(DicomAssociation association, string abstractSyntax) =>
        association.Info.FindAccepted(abstractSyntax)
        ?? throw new NoAcceptedContextException($"Peer {association.Info.PeerAe} accepted no presentation context for {abstractSyntax}.");
}
