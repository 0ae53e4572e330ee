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
            incoming.Commit();
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

    [TestCase("1.2.3a", "1.2.3b")]
    [TestCase("1.2.3.", "1.2.3")]
    [TestCase("1.2_3", "1.2x3")]
    [TestCase("", "_")]
    public async Task Different_malformed_UIDs_get_different_files(string first, string second)
    {
        var storage = new DiskInstanceStorage(_root);

        var a = await StoreAsync(storage, first, [1]);
        var b = await StoreAsync(storage, second, [2]);

        a.Should().NotBe(b);
        (await File.ReadAllBytesAsync(a)).Should().Equal(1);
        (await File.ReadAllBytesAsync(b)).Should().Equal(2);
        Path.GetDirectoryName(a).Should().Be(_root);
        Path.GetDirectoryName(b).Should().Be(_root);
    }

    [Test]
    public async Task A_UID_longer_than_a_file_name_may_be_still_gets_a_file_of_its_own()
    {
        var storage = new DiskInstanceStorage(_root);
        var longUid = "1." + new string('2', 300);

        var a = await StoreAsync(storage, longUid, [1]);
        var b = await StoreAsync(storage, longUid + "3", [2]);

        a.Should().NotBe(b);
        Path.GetFileName(a).Length.Should().BeLessThan(255);
        (await File.ReadAllBytesAsync(a)).Should().Equal(1);
    }

    [Test]
    public async Task A_replacement_that_is_reverted_puts_the_earlier_instance_back()
    {
        var storage = new DiskInstanceStorage(_root);
        var location = await StoreAsync(storage, "1.2.3", [1, 1, 1]);

        await using (var again = await storage.BeginAsync("1.2.3", CancellationToken.None))
        {
            await again.WriteAsync(new byte[] { 2, 2 }, CancellationToken.None);
            (await again.CompleteAsync(durable: false, CancellationToken.None)).Should().Be(location);
            again.Revert();
        }

        (await File.ReadAllBytesAsync(location)).Should().Equal(1, 1, 1);
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Should().Equal(location);
    }

    [Test]
    public async Task A_replacement_that_is_committed_leaves_only_the_new_instance()
    {
        var storage = new DiskInstanceStorage(_root);
        var location = await StoreAsync(storage, "1.2.3", [1, 1, 1]);

        var replaced = await StoreAsync(storage, "1.2.3", [2, 2]);

        replaced.Should().Be(location);
        (await File.ReadAllBytesAsync(location)).Should().Equal(2, 2);
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Should().Equal(location);
    }

    [Test]
    public async Task A_completed_instance_disposed_without_commit_is_reverted()
    {
        var storage = new DiskInstanceStorage(_root);
        var location = await StoreAsync(storage, "1.2.3", [1]);

        await using (var again = await storage.BeginAsync("1.2.3", CancellationToken.None))
        {
            await again.WriteAsync(new byte[] { 2 }, CancellationToken.None);
            await again.CompleteAsync(durable: false, CancellationToken.None);
        }

        (await File.ReadAllBytesAsync(location)).Should().Equal(1);
    }

    private static async Task<string> StoreAsync(DiskInstanceStorage storage, string uid, byte[] bytes)
    {
        await using var incoming = await storage.BeginAsync(uid, CancellationToken.None);
        await incoming.WriteAsync(bytes, CancellationToken.None);
        var location = await incoming.CompleteAsync(durable: false, CancellationToken.None);
        incoming.Commit();
        return location;
    }
}
