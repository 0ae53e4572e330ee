using Conformance.Cli.Hosting;

namespace Conformance.Cli.Commands;

/// <summary>The files `store` sends: named files as given, directories searched for Part 10 files.</summary>
internal static class StoreFileList
{
    /// <summary>Every path must exist (a usage error names the missing ones); directories contribute their Part 10 files in name order.</summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var missing = new List<string>();
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsPart10).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                missing.Add(path);
            }
        }

        if (missing.Count > 0)
        {
            throw CliException.Usage($"not found: {string.Join(", ", missing)}");
        }

        if (files.Count == 0)
        {
            throw CliException.Usage($"no DICOM Part 10 files in {string.Join(", ", paths)}");
        }

        return files;
    }

    // In directories only Part 10 files (DICM at offset 128) are sent; other files are skipped.
    private static bool IsPart10(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[132];
            return stream.ReadAtLeast(head, 132, throwOnEndOfStream: false) == 132 && head[128..].SequenceEqual("DICM"u8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
