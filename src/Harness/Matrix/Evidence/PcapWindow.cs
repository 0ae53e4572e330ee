using System.Buffers.Binary;

namespace Conformance.Harness.Matrix.Evidence;

/// <summary>
/// Cuts a classic pcap file (microsecond or nanosecond timestamps, either byte order) down to the packets
/// captured since a moment: one case's traffic out of a topology's whole-run capture.
/// </summary>
public static class PcapWindow
{
    public static void Copy(string source, string target, DateTime sinceUtc)
    {
        var bytes = File.ReadAllBytes(source);
        if (bytes.Length < 24)
        {
            File.WriteAllBytes(target, bytes);
            return;
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var (little, nanos) = magic switch
        {
            0xa1b2c3d4 => (true, false),
            0xa1b23c4d => (true, true),
            0xd4c3b2a1 => (false, false),
            0x4d3cb2a1 => (false, true),
            _ => throw new InvalidDataException($"{source} is not a classic pcap file (magic 0x{magic:X8})"),
        };
        var since = new DateTimeOffset(sinceUtc, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000L;
        using var output = File.Create(target);
        output.Write(bytes, 0, 24);
        var offset = 24;
        while (offset + 16 <= bytes.Length)
        {
            var seconds = Read(bytes, offset, little);
            var fraction = Read(bytes, offset + 4, little);
            var length = (int)Read(bytes, offset + 8, little);
            if (length < 0 || offset + 16 + length > bytes.Length)
            {
                break;
            }

            var micros = (seconds * 1_000_000L) + (nanos ? fraction / 1000 : fraction);
            if (micros >= since)
            {
                output.Write(bytes, offset, 16 + length);
            }

            offset += 16 + length;
        }
    }

    private static long Read(byte[] bytes, int offset, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
}
