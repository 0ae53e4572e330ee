namespace Conformance.Harness.Setup;

/// <summary>One apt source's mirror and keyring, as found in the machine's configuration.</summary>
public sealed record AptSource(string MirrorUri, string? SignedBy)
{
    /// <summary>
    /// Finds the source that serves <paramref name="suite"/> (e.g. "bookworm", not "bookworm-security"):
    /// deb822 files (/etc/apt/sources.list.d/*.sources) first, then one-line /etc/apt/sources.list.
    /// Nothing about a package host is assumed; the machine's own configuration is the only input.
    /// </summary>
    public static AptSource? FindFor(string suite, string root = "/")
    {
        var sourcesDir = Path.Combine(root, "etc/apt/sources.list.d");
        if (Directory.Exists(sourcesDir))
        {
            foreach (var file in Directory.EnumerateFiles(sourcesDir, "*.sources").Order(StringComparer.Ordinal))
            {
                var found = ParseDeb822(File.ReadAllText(file), suite);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        var listFiles = new[] { Path.Combine(root, "etc/apt/sources.list") }
            .Concat(Directory.Exists(sourcesDir) ? Directory.EnumerateFiles(sourcesDir, "*.list").Order(StringComparer.Ordinal) : []);
        return listFiles.Where(File.Exists)
            .Select(file => ParseOneLine(File.ReadAllText(file), suite))
            .FirstOrDefault(found => found is not null);
    }

    /// <summary>Parses deb822 stanzas; returns the first enabled "deb" stanza listing the suite.</summary>
    public static AptSource? ParseDeb822(string text, string suite)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var stanza in text.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in stanza.Split('\n'))
            {
                if (line.StartsWith('#') || line.StartsWith(' ') || !line.Contains(':', StringComparison.Ordinal))
                {
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            if (!Words(fields, "Types").Contains("deb")
                || !Words(fields, "Suites").Contains(suite)
                || string.Equals(fields.GetValueOrDefault("Enabled"), "no", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var uri = Words(fields, "URIs").FirstOrDefault();
            if (uri is not null)
            {
                return new AptSource(uri, fields.GetValueOrDefault("Signed-By"));
            }
        }

        return null;
    }

    /// <summary>Parses one-line entries: <c>deb [signed-by=/k.gpg] http://mirror/debian bookworm main</c>.</summary>
    public static AptSource? ParseOneLine(string text, string suite)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("deb ", StringComparison.Ordinal))
            {
                continue;
            }

            string? signedBy = null;
            var rest = line[4..].Trim();
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                signedBy = rest[1..close].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(option => option.StartsWith("signed-by=", StringComparison.Ordinal))
                    .Select(option => option["signed-by=".Length..])
                    .FirstOrDefault();
                rest = rest[(close + 1)..].Trim();
            }

            var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[1] == suite)
            {
                return new AptSource(parts[0], signedBy);
            }
        }

        return null;
    }

    private static string[] Words(Dictionary<string, string> fields, string name) =>
        fields.GetValueOrDefault(name)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
