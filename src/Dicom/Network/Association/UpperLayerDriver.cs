using System.Runtime.ExceptionServices;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// Runs the protocol machine for one association: fires an event (PS3.8 table 9-10 decides the action),
/// performs the action's function, then any follow-up event the action raised, in a loop (no recursion).
/// Local events fire and act under the socket lock, so the state order is the wire order; received
/// events do not take it (their actions that send take it themselves, and only ever lead to states where
/// no local send is allowed). State changes are reported to the monitor outside every lock: before a received
/// event's action, after a local event's action (once the socket lock is released).
/// </summary>
internal sealed class UpperLayerDriver(DicomAssociation association)
{
    /// <summary>A primitive of the local user; one the table does not allow in this state is an <see cref="AssociationStateException"/>.</summary>
    public async ValueTask FireLocalAsync(UlEventData data, CancellationToken ct)
    {
        if (!await RunAsync(data, ct).ConfigureAwait(false))
        {
            association.ThrowIfEnded();
            throw new AssociationStateException(association.State, data.Event, association.PeerAe);
        }
    }

    /// <summary>A received PDU, a closed transport or an expired timer: the table has an entry for every state the reader runs in.</summary>
    public async ValueTask FireReceivedAsync(UlEventData data)
    {
        if (!await RunAsync(data, CancellationToken.None).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{data.Event} has no entry in {association.State}: the reader should not have run");
        }
    }

    /// <summary>False when the first event has no entry; a follow-up without one is dropped (the association moved on, e.g. aborted).</summary>
    private async ValueTask<bool> RunAsync(UlEventData first, CancellationToken ct)
    {
        UlEventData? next = first;
        while (next is { } current)
        {
            var held = current.IsLocal;
            if (held)
            {
                await association.SocketLock.WaitAsync(current == first ? ct : CancellationToken.None).ConfigureAwait(false);
            }

            Transition transition;
            UlEventData? followUp = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                if (!association.TryFire(current, out transition))
                {
                    return current != first;
                }

                if (!held)
                {
                    // No lock is held: report before the action, whose effects (a close, a completed release) others observe.
                    association.Report(transition);
                }

                try
                {
                    followUp = await UpperLayerActions.For(transition.Action)(new ActionContext(association, transition, current, held, current == first ? ct : CancellationToken.None)).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            }
            finally
            {
                if (held)
                {
                    association.SocketLock.Release();
                }
            }

            if (held)
            {
                association.Report(transition);
            }

            association.FlushLog();
            failure?.Throw();
            next = followUp;
        }

        return true;
    }
}
