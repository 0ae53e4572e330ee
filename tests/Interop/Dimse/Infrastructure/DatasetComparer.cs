using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Interop.Tests.Dimse.Infrastructure;

/// <summary>
/// Compares a received object with its source element by element (tag, VR, value bytes; file meta
/// excluded) and, when nothing was transcoded, the data set bytes too.
/// </summary>
public static class DatasetComparer
{
    /// <returns>Whether the data set bytes were compared too (same transfer syntax on both sides).</returns>
    public static bool AssertSame(string sourcePath, string receivedPath, bool requireIdenticalBytesWhenSameSyntax = true)
    {
        var source = DicomFile.Open(sourcePath);
        var received = DicomFile.Open(receivedPath);
        var differences = new List<string>();
        Compare(source.Dataset, received.Dataset, "", differences);
        Assert.That(differences, Is.Empty, $"{receivedPath} differs from {sourcePath}:\n{string.Join('\n', differences.Take(20))}");
        if (!requireIdenticalBytesWhenSameSyntax || source.TransferSyntax != received.TransferSyntax)
        {
            return false;
        }

        var sourceBytes = RegionBytes(source);
        var receivedBytes = RegionBytes(received);
        Assert.That(receivedBytes.SequenceEqual(sourceBytes), Is.True,
            $"{receivedPath}: data set bytes differ from {sourcePath} although both are {source.TransferSyntax} ({receivedBytes.Length} vs {sourceBytes.Length} bytes)");
        return true;
    }

    /// <summary>Pairs received files with their sources by SOP Instance UID and compares each pair.</summary>
    public static int AssertAllArrived(IReadOnlyDictionary<string, string> sourcesByUid, IEnumerable<string> receivedFiles, bool requireIdenticalBytesWhenSameSyntax = true)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byteIdentical = 0;
        foreach (var file in receivedFiles)
        {
            var uid = DicomFile.Open(file).Dataset.GetUid(DicomTags.SOPInstanceUID);
            Assert.That(sourcesByUid.ContainsKey(uid), Is.True, $"{file} holds {uid}, which was not sent");
            Assert.That(seen.Add(uid), Is.True, $"{uid} arrived twice");
            if (AssertSame(sourcesByUid[uid], file, requireIdenticalBytesWhenSameSyntax))
            {
                byteIdentical++;
            }
        }

        Assert.That(seen, Is.EquivalentTo(sourcesByUid.Keys), "every source object arrives exactly once");
        return byteIdentical;
    }

    public static Dictionary<string, string> ByUid(IEnumerable<string> files) =>
        files.ToDictionary(f => DicomFile.Open(f).Dataset.GetUid(DicomTags.SOPInstanceUID), f => f, StringComparer.Ordinal);

    private static byte[] RegionBytes(DicomFile file)
    {
        var region = file.DatasetRegion ?? throw new InvalidOperationException($"{file.SourcePath}: no data set region");
        using var stream = region.OpenRead();
        var bytes = new byte[region.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static void Compare(DicomDataset expected, DicomDataset actual, string path, List<string> differences)
    {
        var left = expected.ToList();
        var right = actual.ToList();
        var tags = left.Select(e => e.Tag).Union(right.Select(e => e.Tag)).Order();
        foreach (var tag in tags)
        {
            var a = left.FirstOrDefault(e => e.Tag == tag);
            var b = right.FirstOrDefault(e => e.Tag == tag);
            var where = $"{path}{tag}";
            if (a is null || b is null)
            {
                differences.Add($"{where}: {(a is null ? "not in source" : "missing in received")}");
                continue;
            }

            if (a.VR != b.VR)
            {
                differences.Add($"{where}: VR {a.VR} vs {b.VR}");
                continue;
            }

            switch (a, b)
            {
                case (DicomValueElement x, DicomValueElement y):
                    if (!x.Value.GetMemory().Span.SequenceEqual(y.Value.GetMemory().Span))
                    {
                        differences.Add($"{where}: value bytes differ ({x.Length} vs {y.Length} bytes)");
                    }

                    break;
                case (DicomSequence x, DicomSequence y):
                    if (x.Items.Count != y.Items.Count)
                    {
                        differences.Add($"{where}: {x.Items.Count} vs {y.Items.Count} items");
                        break;
                    }

                    for (var i = 0; i < x.Items.Count; i++)
                    {
                        Compare(x.Items[i], y.Items[i], $"{where}[{i}]", differences);
                    }

                    break;
                case (DicomFragmentSequence x, DicomFragmentSequence y):
                    if (x.Fragments.Count != y.Fragments.Count
                        || x.Fragments.Zip(y.Fragments).Any(p => !p.First.GetMemory().Span.SequenceEqual(p.Second.GetMemory().Span)))
                    {
                        differences.Add($"{where}: fragments differ");
                    }

                    break;
                default:
                    differences.Add($"{where}: element kinds differ ({a.GetType().Name} vs {b.GetType().Name})");
                    break;
            }
        }
    }
}
