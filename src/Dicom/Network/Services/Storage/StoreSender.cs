using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Sends objects with C-STORE over one channel, keeping up to the negotiated asynchronous operations
/// window outstanding (pipelining), each in a syntax the peer accepted. Shared by the SCU, the SCP's
/// C-MOVE (towards the destination) and C-GET (back on the requesting association).
/// </summary>
public static class StoreSender
{
    /// <summary>An outstanding-window of 0 ("unlimited") is capped here.</summary>
    public const int MaxOutstanding = 64;

    public static async Task SendAsync(
        DimseChannel channel,
        IReadOnlyList<StoreItem> items,
        StoreSendOptions options,
        Func<int, StoreOutcome, ValueTask> onOutcome,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onOutcome);
        var accepted = channel.Info.PresentationContexts
            .Where(c => c.IsAccepted && (!options.AsScpOfGet || c.ScpRole))
            .Select(c => new AcceptedContext(c.Id, c.AbstractSyntax, c.TransferSyntax))
            .ToList();
        var window = Window(channel.Info.AsyncOperations, options.AsScpOfGet);
        var inFlight = new Queue<(PendingRequest Request, int Index, StoreItem Item, string Syntax)>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            cancellationToken.ThrowIfCancellationRequested();
            AcceptedContext context;
            try
            {
                context = ContextChoice.Choose(accepted, item.SopClassUid, item.TransferSyntaxUid, channel.Info.PeerAe);
            }
            catch (NoAcceptedContextException ex)
            {
                await onOutcome(index, LocalFailure(item, ex.Message)).ConfigureAwait(false);
                continue;
            }

            var request = new CStoreRequest
            {
                MessageId = channel.NextMessageId(),
                AffectedSopClassUid = item.SopClassUid,
                AffectedSopInstanceUid = item.SopInstanceUid,
                Priority = options.Priority,
                MoveOriginatorAeTitle = options.MoveOriginatorAe,
                MoveOriginatorMessageId = options.MoveOriginatorMessageId,
            };
            PendingRequest pending;
            try
            {
                using var data = await item.OpenAsync(context.TransferSyntax, cancellationToken).ConfigureAwait(false);
                pending = await channel.SendRequestAsync(context.Id, request, data.Data, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException
                                       or DicomFormatException or DicomDataException)
            {
                await onOutcome(index, LocalFailure(item, $"{item.Description}: {ex.Message}")).ConfigureAwait(false);
                continue;
            }

            inFlight.Enqueue((pending, index, item, context.TransferSyntax));
            while (inFlight.Count >= window)
            {
                await CompleteOldestAsync(inFlight, onOutcome, cancellationToken).ConfigureAwait(false);
            }
        }

        while (inFlight.Count > 0)
        {
            await CompleteOldestAsync(inFlight, onOutcome, cancellationToken).ConfigureAwait(false);
        }
    }

    private static int Window(AsyncOperationsWindow window, bool asScpOfGet)
    {
        var max = asScpOfGet ? window.MaxPerformed : window.MaxInvoked;
        return max == 0 ? MaxOutstanding : Math.Min((int)max, MaxOutstanding);
    }

    private static async Task CompleteOldestAsync(
        Queue<(PendingRequest Request, int Index, StoreItem Item, string Syntax)> inFlight,
        Func<int, StoreOutcome, ValueTask> onOutcome,
        CancellationToken cancellationToken)
    {
        var (pending, index, item, syntax) = inFlight.Dequeue();
        var reply = await pending.FinalAsync(cancellationToken).ConfigureAwait(false);
        await onOutcome(index, new StoreOutcome(
            item.Description, item.SopClassUid, item.SopInstanceUid, reply.Response.Status, syntax,
            syntax != item.TransferSyntaxUid, pending.Elapsed, reply.Response.ErrorComment)).ConfigureAwait(false);
    }

    private static StoreOutcome LocalFailure(StoreItem item, string error) =>
        new(item.Description, item.SopClassUid, item.SopInstanceUid, DimseStatus.ProcessingFailure, null, false, TimeSpan.Zero, error);
}

/// <summary>How <see cref="StoreSender"/> sends: priority, C-MOVE originator, and whether we are the SCP side of a C-GET.</summary>
public sealed record StoreSendOptions
{
    public static StoreSendOptions Default { get; } = new();

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    public string? MoveOriginatorAe { get; init; }

    public ushort? MoveOriginatorMessageId { get; init; }

    /// <summary>Only contexts where the requestor took the SCP role (C-GET sub-operations, PS3.4 C.4.3).</summary>
    public bool AsScpOfGet { get; init; }
}
