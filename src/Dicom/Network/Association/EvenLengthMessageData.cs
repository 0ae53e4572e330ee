namespace Conformance.Dicom.Network.Association;

/// <summary>
/// An odd-length data set on a deflated context, padded with one trailing 00H (PS3.5 A.5: the deflated bit stream is
/// padded to an even length; every P-DATA fragment is even, and DCMTK aborts on an odd one). Files written by other
/// tools (and by ours before the data layer padded) can hold such a stream: it is padded as it is sent.
/// </summary>
internal sealed class EvenLengthMessageData(IMessageData inner) : IMessageData
{
    public long Length => inner.Length + 1;

    public async ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
    {
        var fromInner = (int)Math.Max(0, Math.Min(destination.Length, inner.Length - offset));
        if (fromInner > 0)
        {
            await inner.ReadAsync(offset, destination[..fromInner], ct).ConfigureAwait(false);
        }

        destination.Span[fromInner..].Clear();
    }
}
