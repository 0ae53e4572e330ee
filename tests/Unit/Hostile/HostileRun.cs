using Conformance.Dicom.Network.Services.Scu;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>One catalogue row played against a fresh SCP: what came back, what it cost, and whether the SCP still serves.</summary>
internal sealed record HostileRun(Outcome Outcome, long AllocatedBytes, int BytesSent, ushort? FollowUpEchoStatus, long StoredInstances)
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>The association every "After" row starts from: the standard contexts plus 11, rejected (unknown transfer syntax).</summary>
    public static byte[] AssociationSetUp() => Wire.AssociateRq(HostileScp.AeTitle, Wire.Concat(Wire.StandardContexts(), Wire.Context(11, Wire.Verification, "1.2.3.4.5.6")));

    /// <summary>
    /// Memory the SCP may allocate for a row: a fixed allowance for the association and its reader, plus a
    /// multiple of what was actually sent; a declared length must never be allocated up front.
    /// </summary>
    public long AllocationBound => (16L * 1024 * 1024) + (8L * BytesSent);

    public static async Task<HostileRun> ExecuteAsync(HostileScp scp, HostileCase row)
    {
        using var peer = await RawPeer.ConnectAsync(scp.Port);
        if (row.Associated)
        {
            await peer.SendAsync(AssociationSetUp());
            var accepted = await peer.ObserveAsync(Bound);
            if (accepted.First(0x02) is null)
            {
                throw new AssertionException($"the valid association before the row was not accepted: {accepted}");
            }

            // The acceptance is logged just after the A-ASSOCIATE-AC leaves: wait for it, so that it counts as set-up, not as the row's log.
            await scp.WaitForLogAsync(["association accepted"], Bound);
        }

        scp.RowLogStart = scp.Log.Count;

        var before = GC.GetTotalAllocatedBytes(precise: true);
        foreach (var chunk in row.Send)
        {
            if (!await peer.SendAsync(chunk))
            {
                break;
            }
        }

        if (row.HalfClose)
        {
            peer.HalfClose();
        }

        var outcome = await peer.ObserveAsync(row.Expect is Expect { AssociationContinues: true } ? TimeSpan.FromMilliseconds(500) : Bound);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        ushort? echo = null;
        if (row.Expect.AssociationContinues && !outcome.Closed)
        {
            await peer.SendAsync(Wire.PData(1, Wire.CommandLast, WireCommand.Echo(messageId: 42)));
            echo = DimseReply.From(await peer.ObserveAsync(Bound)) is { RespondingTo: 42 } reply ? reply.Status : null;
        }

        return new HostileRun(outcome, allocated, peer.BytesSent, echo, scp.Server.StoredInstances);
    }

    /// <summary>A valid client on a new association after the row: the listener must still serve (C-ECHO succeeds).</summary>
    public static async Task<ushort> EchoAfterwardsAsync(HostileScp scp)
    {
        using var cts = new CancellationTokenSource(Bound);
        var scu = new DicomScu(new DicomScuOptions { Host = "127.0.0.1", Port = scp.Port, CalledAe = HostileScp.AeTitle });
        return (await scu.EchoAsync(cts.Token)).Status.Code;
    }
}
