using Conformance.Cli.Hosting;
using Conformance.Cli.Output;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Scp.Storage;

namespace Conformance.Cli.Commands;

/// <summary>
/// The storage area `scp --storage` names. A directory that does not exist is created and the log says
/// so; one whose parent does not exist is refused (most likely a typo), rather than creating a tree.
/// </summary>
internal sealed record ScpStorageArea(IInstanceStorage Storage, string? DefaultIndexPath)
{
    public static ScpStorageArea Open(string text, TimestampedLog log)
    {
        switch (text)
        {
            case "memory":
                return new ScpStorageArea(new MemoryInstanceStorage(), null);
            case "discard":
                return new ScpStorageArea(new DiscardInstanceStorage(), null);
        }

        var directory = Path.GetFullPath(text);
        if (!Directory.Exists(directory))
        {
            var parent = Path.GetDirectoryName(directory);
            if (parent is not null && !Directory.Exists(parent))
            {
                throw CliException.Usage(
                    $"--storage {directory}: its parent {parent} does not exist; create it first (only the last directory is created)");
            }

            log.Write($"creating storage directory {directory}");
        }

        try
        {
            var storage = new DiskInstanceStorage(directory);
            return new ScpStorageArea(storage, Path.Combine(directory, "index.sqlite"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"--storage {directory} cannot be written: {ex.Message}");
        }
    }
}
