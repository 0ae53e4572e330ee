using System.Text;

namespace Conformance.Unit.Tests.Dicom.Network;

/// <summary>Builds hand-annotated byte arrays: bytes, byte arrays and ASCII strings, in order.</summary>
internal static class GoldenBytes
{
    public static byte[] Join(params object[] parts)
    {
        var result = new List<byte>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case byte b:
                    result.Add(b);
                    break;
                case int i:
                    result.Add(checked((byte)i));
                    break;
                case byte[] bytes:
                    result.AddRange(bytes);
                    break;
                case string text:
                    result.AddRange(Encoding.ASCII.GetBytes(text));
                    break;
                default:
                    throw new ArgumentException($"Cannot encode {part.GetType()}");
            }
        }

        return [.. result];
    }

    /// <summary>A 16-byte space-padded AE title field.</summary>
    public static byte[] Ae(string title) => Encoding.ASCII.GetBytes(title.PadRight(16));

    public static byte[] Zeros(int count) => new byte[count];

    public static byte[] Write(Func<Span<byte>, int> write, int length)
    {
        var buffer = new byte[length];
        var written = write(buffer);
        written.Should().Be(length, "an encoder writes exactly its EncodedLength");
        return buffer;
    }
}
