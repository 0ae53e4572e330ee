using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Conformance.Harness.Images;

/// <summary>
/// The containers/ folder, embedded in this assembly so the harness needs no checkout to build
/// its images. Each family's build context is its files; the image tag is a hash of them.
/// </summary>
public static class ContainerSources
{
    private const string Prefix = "containers/";

    /// <summary>Relative path (e.g. "dcmtk/Dockerfile") to content, for one family.</summary>
    public static IReadOnlyDictionary<string, byte[]> FilesOf(PeerFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var assembly = typeof(ContainerSources).Assembly;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix + family.Name + "/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[(Prefix.Length + family.Name.Length + 1)..]] = copy.ToArray();
        }

        if (!files.ContainsKey("Dockerfile"))
        {
            throw new InvalidOperationException($"No embedded containers/{family.Name}/Dockerfile in {assembly.GetName().Name}.");
        }

        return files;
    }

    /// <summary>12 hex digits over the family's files, the Debian suite and the base image name.</summary>
    public static string ContentHash(PeerFamily family, string suite, string baseImage)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, content) in FilesOf(family))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            sha.AppendData(content);
        }

        sha.AppendData(Encoding.UTF8.GetBytes($"\nsuite={suite}\nbase={baseImage}\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    /// <summary>Writes the family's build context into a fresh directory and returns it.</summary>
    public static string WriteBuildContext(PeerFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var dir = Directory.CreateTempSubdirectory($"conformance-{family.Name}-").FullName;
        foreach (var (path, content) in FilesOf(family))
        {
            var target = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }

        return dir;
    }
}
