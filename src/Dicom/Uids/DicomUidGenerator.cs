using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Conformance.Dicom.Uids;

/// <summary>
/// Deterministic UUID-derived UIDs (2.25.x, PS3.5 B.2): the n-th UID of a seed is SHA-256(seed, n) cut to 128 bits
/// with UUID version 8 ("custom") bits. Same seed -> same sequence, on every platform and .NET version.
/// </summary>
public sealed class DicomUidGenerator
{
    private readonly byte[] _seed;
    private long _counter;

    public DicomUidGenerator(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _seed = Encoding.UTF8.GetBytes(seed);
    }

    public DicomUidGenerator(long seed)
        : this(seed.ToString(System.Globalization.CultureInfo.InvariantCulture))
    {
    }

    /// <summary>The next UID of the sequence.</summary>
    public string Next() => ForIndex(_counter++);

    /// <summary>The UID at position <paramref name="index"/>, independent of calls to <see cref="Next"/>.</summary>
    public string ForIndex(long index)
    {
        var input = new byte[_seed.Length + 8];
        _seed.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(_seed.Length), index);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return DicomUid.FromUuidBytes(hash[..16], 8);
    }

    /// <summary>A UID derived from a name within this seed (e.g. "patient-3/study-1"), stable regardless of order.</summary>
    public string ForName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var input = _seed.Concat(new byte[] { 0 }).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return DicomUid.FromUuidBytes(hash[..16], 8);
    }
}
