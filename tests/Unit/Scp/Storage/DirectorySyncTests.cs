using Conformance.Scp.Storage;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Scp.Storage;

public class DirectorySyncTests
{
    [Test]
    [Platform(Exclude = "Win", Reason = "Windows does not flush directories (NTFS journals the rename)")]
    public void A_directory_can_be_flushed_and_a_missing_one_is_named_in_the_failure()
    {
        var root = Path.Combine(Path.GetTempPath(), $"dirsync-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var flush = () => DirectorySync.Flush(root);
            var missing = () => DirectorySync.Flush(Path.Combine(root, "gone"));

            flush.Should().NotThrow();
            missing.Should().Throw<IOException>().WithMessage($"*{Path.Combine(root, "gone")}*errno 2*");
        }
        finally
        {
            Directory.Delete(root);
        }
    }

    [Test]
    public void The_BCL_cannot_open_a_directory_as_a_handle_which_is_why_DirectorySync_calls_libc()
    {
        var open = () => File.OpenHandle(Path.GetTempPath(), FileMode.Open, FileAccess.Read).Dispose();

        open.Should().Throw<UnauthorizedAccessException>();
    }
}
