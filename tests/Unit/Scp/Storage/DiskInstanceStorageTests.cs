using Conformance.Scp.Storage;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Scp.Storage;

public class DiskInstanceStorageTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Path.Combine(Path.GetTempPath(), $"disk-storage-{Guid.NewGuid():N}");

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task A_completed_instance_appears_under_its_UID_and_no_temporary_file_remains()
    {
        var storage = new DiskInstanceStorage(_root);

        string location;
        await using (var incoming = await storage.BeginAsync("1.2.3", CancellationToken.None))
        {
            await incoming.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
            File.Exists(Path.Combine(_root, "1.2.3.dcm")).Should().BeFalse("nothing is visible before completion");
            location = await incoming.CompleteAsync(durable: true, CancellationToken.None);
        }

        location.Should().Be(Path.Combine(_root, "1.2.3.dcm"));
        (await File.ReadAllBytesAsync(location)).Should().Equal(1, 2, 3);
        Directory.GetFiles(Path.Combine(_root, ".incoming")).Should().BeEmpty();
    }

    [Test]
    public async Task An_instance_disposed_without_completion_leaves_nothing()
    {
        var storage = new DiskInstanceStorage(_root);

        await using (var incoming = await storage.BeginAsync("1.2.3", CancellationToken.None))
        {
            await incoming.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
        }

        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Test]
    public async Task A_hostile_UID_cannot_name_a_path_outside_the_root()
    {
        var storage = new DiskInstanceStorage(_root);

        await using var incoming = await storage.BeginAsync("../../etc/x", CancellationToken.None);
        var location = await incoming.CompleteAsync(durable: false, CancellationToken.None);

        Path.GetDirectoryName(location).Should().Be(_root);
    }
}
