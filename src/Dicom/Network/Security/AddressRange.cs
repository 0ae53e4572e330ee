using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Dicom.Network.Security;

/// <summary>
/// A block of source addresses in CIDR notation (10.0.0.0/8, 192.168.1.7, ::1/128). Bits beyond the prefix are
/// cleared, as CIDR reads them; an IPv4 address seen through an IPv6 socket (::ffff:a.b.c.d) matches IPv4 ranges.
/// </summary>
public sealed record AddressRange
{
    private AddressRange(IPAddress network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    public IPAddress Network { get; }

    public int PrefixLength { get; }

    /// <summary>An address (the whole address is the range) or address/prefix.</summary>
    /// <exception cref="FormatException">Not an address, or a prefix outside 0..32 (IPv4) / 0..128 (IPv6).</exception>
    public static AddressRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        // IPAddress also reads shorthand ("10.0.0", "12"): a range must spell all four IPv4 parts, or be IPv6.
        if (!IPAddress.TryParse(addressText, out var address) || !(addressText.Count(c => c == '.') == 3 || addressText.Contains(':', StringComparison.Ordinal)))
        {
            throw new FormatException($"'{text}' is not an IP address or CIDR range (e.g. 10.0.0.0/8, 192.168.1.7, ::1)");
        }

        address = Normalise(address);
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            throw new FormatException($"'{text}': the prefix length must be 0 to {bits}");
        }

        return new AddressRange(new IPAddress(Masked(address.GetAddressBytes(), prefix)), prefix);
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalise(address);
        return address.AddressFamily == Network.AddressFamily
            && Masked(address.GetAddressBytes(), PrefixLength).AsSpan().SequenceEqual(Network.GetAddressBytes());
    }

    public override string ToString() => $"{Network}/{PrefixLength}";

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static byte[] Masked(byte[] bytes, int prefix)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return bytes;
    }
}
