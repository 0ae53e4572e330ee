namespace Conformance.Harness.Matrix.Wire;

/// <summary>One PDV of a P-DATA-TF: presentation context, whether it carries a command, its data length, and (commands only) its bytes.</summary>
public sealed record ObservedPdv(byte ContextId, bool IsCommand, bool IsLast, int Length)
{
    public ReadOnlyMemory<byte> Command { get; init; }

    /// <summary>The data of a small data PDV (a response identifier); empty for large ones, which the tap does not keep.</summary>
    public ReadOnlyMemory<byte> SmallData { get; init; }
}

/// <summary>One PDU as the tap saw it: which side sent it, its type, the length of its variable field, and its PDVs.</summary>
public sealed record ObservedPdu(int Connection, bool FromRequestor, byte Type, int Length, IReadOnlyList<ObservedPdv> Pdvs)
{
    public const byte AssociateRequest = 0x01;
    public const byte AssociateAccept = 0x02;
    public const byte AssociateReject = 0x03;
    public const byte DataTransfer = 0x04;
    public const byte Abort = 0x07;

    public string Sender => FromRequestor ? "requestor" : "acceptor";
}
