using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Unit.Tests.Scp;

namespace Conformance.Unit.Tests.Dicom.Network.Services.Storage;

public class DatasetStoreItemTests
{
    private const int PixelBytes = 512 * 1024;

    private static IEnumerable<DicomTransferSyntax> Syntaxes() =>
    [
        DicomTransferSyntax.ExplicitVRLittleEndian,
        DicomTransferSyntax.ImplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRBigEndian,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
    ];

    [TestCaseSource(nameof(Syntaxes))]
    public async Task The_bytes_sent_are_exactly_what_the_data_layer_encodes(DicomTransferSyntax syntax)
    {
        var dataset = ServerTestObjects.Image("P1", "1.2.826.0.1.3680043.10.1137.40", 1, pixelBytes: PixelBytes);
        var item = new DatasetStoreItem(dataset);

        using var data = await item.OpenAsync(syntax.Uid, CancellationToken.None);

        (await ReadAllAsync(data)).Should().Equal(DicomDatasetWriter.ToArray(dataset, syntax));
    }

    [Test]
    public async Task Reopening_after_the_previous_send_was_disposed_allocates_far_less_than_the_encoded_data_set()
    {
        var dataset = ServerTestObjects.Image("P1", "1.2.826.0.1.3680043.10.1137.41", 1, pixelBytes: PixelBytes);
        var item = new DatasetStoreItem(dataset);
        var syntax = DicomTransferSyntax.ExplicitVRLittleEndian.Uid;
        (await item.OpenAsync(syntax, CancellationToken.None)).Dispose();

        // The buffer is sized by CalculateLength and pooled: no growing array, no copy out.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var data = await item.OpenAsync(syntax, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var length = data.Data.Length;
        data.Dispose();

        length.Should().BeGreaterThan(PixelBytes);
        allocated.Should().BeLessThan(length / 8, "encoding {0} bytes should not allocate a buffer of that size again", length);
    }

    private static async Task<byte[]> ReadAllAsync(StoreData data)
    {
        var bytes = new byte[data.Data.Length];
        const int Chunk = 16 * 1024;
        for (var offset = 0; offset < bytes.Length; offset += Chunk)
        {
            await data.Data.ReadAsync(offset, bytes.AsMemory(offset, Math.Min(Chunk, bytes.Length - offset)), CancellationToken.None);
        }

        return bytes;
    }
}
