using Conformance.Scp.Storage;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Scp.Storage;

public class MemoryInstanceStorageTests
{
    private const int Length = 3 * 1024 * 1024 + 17;

    [Test]
    public async Task An_instance_reads_back_byte_for_byte_and_costs_one_array_of_its_size()
    {
        var storage = new MemoryInstanceStorage();
        var bytes = new byte[Length];
        new Random(7).NextBytes(bytes);
        await StoreAsync(storage, "1.2.3.1", bytes);

        // Warm: the chunks come from the pool; what remains is the stored array itself.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var location = await StoreAsync(storage, "1.2.3.2", bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(Length * 5L / 4, "a growing buffer plus a copy out would cost about three times the instance");
        await using var stream = storage.OpenRead(location);
        var read = new byte[stream.Length];
        await stream.ReadExactlyAsync(read);
        read.Should().Equal(bytes);
    }

    [Test]
    public async Task A_replacement_that_is_reverted_puts_the_earlier_instance_back()
    {
        var storage = new MemoryInstanceStorage();
        var location = await StoreAsync(storage, "1.2.3", [1, 1, 1]);

        await using (var again = await storage.BeginAsync("1.2.3", CancellationToken.None))
        {
            await again.WriteAsync(new byte[] { 2, 2 }, CancellationToken.None);
            (await again.CompleteAsync(durable: false, CancellationToken.None)).Should().Be(location);
            again.Revert();
        }

        await using var stream = storage.OpenRead(location);
        stream.Length.Should().Be(3);
        storage.Count.Should().Be(1);
    }

    private static async Task<string> StoreAsync(MemoryInstanceStorage storage, string uid, byte[] bytes)
    {
        var instance = await storage.BeginAsync(uid, CancellationToken.None);
        await using (instance)
        {
            for (var offset = 0; offset < bytes.Length; offset += 16_378)
            {
                await instance.WriteAsync(bytes.AsMemory(offset, Math.Min(16_378, bytes.Length - offset)), CancellationToken.None);
            }

            var location = await instance.CompleteAsync(durable: false, CancellationToken.None);
            instance.Commit();
            return location;
        }
    }
}
