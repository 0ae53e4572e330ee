namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// A presentation context item of an A-ASSOCIATE PDU: type 0x20 in the request (PS3.8 9.3.2.2), type
/// 0x21 in the accept (9.3.3.2). Lets both PDUs share one body codec (<see cref="AssociatePdu{TContext}"/>).
/// </summary>
public interface IPresentationContextItem<out TSelf>
    where TSelf : IPresentationContextItem<TSelf>
{
    static abstract byte Type { get; }

    byte Id { get; }

    int EncodedLength { get; }

    int Write(Span<byte> destination);

    static abstract TSelf Parse(ReadOnlySpan<byte> value, int offset);
}
