using Conformance.Benchmarks.Data;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Benchmarks.Throughput;

/// <summary>The CT series of a run: encoded data sets in memory and the same objects as Part 10 files.</summary>
public sealed class TestSeries
{
    private readonly List<EncodedStoreItem> _items;
    private readonly List<DicomDataset> _datasets;

    private TestSeries(List<EncodedStoreItem> items, List<DicomDataset> datasets, IReadOnlyList<string> files)
    {
        _items = items;
        _datasets = datasets;
        Files = files;
    }

    public IReadOnlyList<string> Files { get; }

    public int Count => _items.Count;

    /// <summary>Bytes of one data set (all images have the same size).</summary>
    public long DatasetLength => _items[0].Length;

    public static TestSeries Create(int count, string directory)
    {
        var items = new List<EncodedStoreItem>(count);
        var datasets = new List<DicomDataset>(count);
        var files = new List<string>(count);
        var study = Conformance.Dicom.Uids.DicomUid.Generate();
        var seriesUid = Conformance.Dicom.Uids.DicomUid.Generate();
        Directory.CreateDirectory(directory);
        for (var i = 0; i < count; i++)
        {
            DicomDataset dataset = CtObjects.Create(study, seriesUid, i);
            datasets.Add(dataset);
            var bytes = CtObjects.Encode(dataset);
            items.Add(new EncodedStoreItem(
                dataset.GetUid(DicomTags.SOPClassUID), dataset.GetUid(DicomTags.SOPInstanceUID), DicomTransferSyntax.ExplicitVRLittleEndian.Uid, bytes));
            var path = Path.Combine(directory, $"ct{i:D5}.dcm");
            new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
            files.Add(path);
        }

        return new TestSeries(items, datasets, files);
    }

    public IReadOnlyList<EncodedStoreItem> MemoryItems(int count) => _items.GetRange(0, count);

    /// <summary>The library's own in-memory items: each data set is encoded when it is sent.</summary>
    public IReadOnlyList<StoreItem> DatasetItems(int count) => [.. _datasets.Take(count).Select(d => new DatasetStoreItem(d))];

    public long DatasetBytes(int count) => DatasetLength * count;
}
