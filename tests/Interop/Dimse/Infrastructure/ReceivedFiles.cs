using Conformance.Dicom.Data;
using Conformance.Generation;
using Conformance.Dicom.IO;

namespace Conformance.Interop.Tests.Dimse.Infrastructure;

/// <summary>
/// Asserts that received objects match their sources: element by element with <see cref="DatasetComparer"/>
/// (tag, VR, value bytes; file meta excluded) and, when nothing was transcoded, the data set bytes too.
/// </summary>
public static class ReceivedFiles
{
    /// <returns>Whether the data set bytes were compared too (same transfer syntax on both sides).</returns>
    public static bool AssertSame(string sourcePath, string receivedPath, bool requireIdenticalBytesWhenSameSyntax = true)
    {
        var source = DicomFile.Open(sourcePath);
        var received = DicomFile.Open(receivedPath);
        var differences = DatasetComparer.Compare(source.Dataset, received.Dataset);
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
}
