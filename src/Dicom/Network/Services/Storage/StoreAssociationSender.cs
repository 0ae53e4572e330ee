using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Sends objects with C-STORE to a peer on associations of their own: contexts planned per (SOP class, transfer syntax)
/// with <see cref="ContextPlanner"/> (at most 128 per association, further associations when needed), each association
/// opened, its objects sent with <see cref="StoreSender"/> (pipelined within the negotiated window) and released.
/// The SCU's C-STORE and the C-STORE sub-operations of a C-MOVE SCP both send this way.
/// </summary>
public static class StoreAssociationSender
{
    /// <summary>The window our senders propose unless told otherwise: 16 C-STORE-RQs outstanding, one operation performed.</summary>
    public static AsyncOperationsWindow DefaultAsyncOperations { get; } = new(16, 1);

    /// <summary>
    /// Sends <paramref name="items"/> to the peer <paramref name="destination"/> names (its presentation contexts are
    /// replaced by the plan's); <paramref name="onOutcome"/> gets each object's index in <paramref name="items"/> and its
    /// outcome. Returns the transport counters of every association used, in order.
    /// </summary>
    public static async Task<IReadOnlyList<TransportCounters>> SendAsync(
        AssociationRequest destination,
        ConnectionOptions connection,
        IReadOnlyList<StoreItem> items,
        StoreSendOptions options,
        Func<int, StoreOutcome, ValueTask> onOutcome,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(onOutcome);
        var counters = new List<TransportCounters>();
        var plan = ContextPlanner.Plan(items.Select(i => (i.SopClassUid, i.TransferSyntaxUid)).ToList());
        foreach (var planned in plan)
        {
            var request = destination with
            {
                PresentationContexts = planned.Contexts.Select(c => new PresentationContextProposal(c.AbstractSyntax, c.TransferSyntaxes)).ToList(),
            };
            var batch = planned.ObjectIndices.Select(i => items[i]).ToList();
            var association = await DicomAssociation.ConnectAsync(request, connection, cancellationToken).ConfigureAwait(false);
            await using (association.ConfigureAwait(false))
            {
                using var channel = new DimseChannel(association);
                await StoreSender.SendAsync(channel, batch, options, (index, outcome) => onOutcome(planned.ObjectIndices[index], outcome), cancellationToken)
                    .ConfigureAwait(false);
                await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            }

            counters.Add(association.Counters);
        }

        return counters;
    }
}
