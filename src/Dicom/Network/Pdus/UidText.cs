using System.Text;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>UIDs and names inside items: ASCII, written unpadded; a trailing NUL or space from a peer is tolerated.</summary>
internal static class UidText
{
    public static int ByteCount(string value) => value.Length;

    public static int Write(Span<byte> destination, string value) => Encoding.ASCII.GetBytes(value, destination);

    public static string Read(ReadOnlySpan<byte> value) => Encoding.ASCII.GetString(value).TrimEnd('\0', ' ');
}
