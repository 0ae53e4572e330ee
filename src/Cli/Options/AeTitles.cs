using Conformance.Cli.Hosting;

namespace Conformance.Cli.Options;

/// <summary>AE titles: 1-16 characters of the default character repertoire, no backslash (PS3.5 6.2, AE VR).</summary>
internal static class AeTitles
{
    public static string Check(string title, string option)
    {
        var trimmed = title.Trim();
        if (trimmed.Length is 0 or > 16 || trimmed.Any(c => c < 0x20 || c > 0x7e || c == '\\'))
        {
            throw CliException.Usage($"{option} '{title}' is not an AE title: 1 to 16 printable ASCII characters, no backslash");
        }

        return trimmed;
    }
}
