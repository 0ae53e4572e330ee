namespace Conformance.Dicom.Network.Association;

/// <summary>Data transfer, PS3.8 table 9-7 (and AR-6/AR-7 of table 9-8, which do the same in the release states).</summary>
internal static class DataTransferActions
{
    /// <summary>DT-1 (and AR-7): send the P-DATA-TF PDUs, under the socket lock the driver holds.</summary>
    public static async ValueTask<UlEventData?> DT1(ActionContext c)
    {
        await c.Association.WriteDataLockedAsync((DataRequested)c.Data, c.Cancellation).ConfigureAwait(false);
        return null;
    }

    /// <summary>DT-2 (and AR-6): P-DATA indication: the PDVs go to the message being assembled.</summary>
    public static async ValueTask<UlEventData?> DT2(ActionContext c)
    {
        await c.Association.DeliverAsync((DataReceived)c.Data).ConfigureAwait(false);
        return null;
    }
}
