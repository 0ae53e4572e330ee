namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>Asynchronous operations window (PS3.7 D.3.3.3): outstanding operations invoked/performed; 0 = unlimited.</summary>
public sealed record AsyncOperationsWindow(ushort MaxInvoked, ushort MaxPerformed)
{
    /// <summary>The default when nothing is negotiated: synchronous operation.</summary>
    public static AsyncOperationsWindow Synchronous { get; } = new(1, 1);
}
