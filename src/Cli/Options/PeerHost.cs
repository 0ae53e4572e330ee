using Conformance.Cli.Hosting;

namespace Conformance.Cli.Options;

/// <summary>Host names the user types, checked before a socket is opened.</summary>
internal static class PeerHost
{
    /// <summary>A host name or address: not empty, no spaces, no scheme or port glued on.</summary>
    public static string Check(string host)
    {
        var trimmed = host.Trim();
        if (trimmed.Length == 0 || trimmed.Any(char.IsWhiteSpace) || trimmed.Contains("://", StringComparison.Ordinal)
            || Uri.CheckHostName(trimmed) == UriHostNameType.Unknown)
        {
            throw CliException.Usage($"host '{host}' is not a host name or IP address (give the port as its own argument)");
        }

        return trimmed;
    }
}
