using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Generation;
using Conformance.Harness.Matrix.Model;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// Compares what arrived with what was sent: element by element (file meta excluded, pixel data by value
/// across byte orders: <see cref="DatasetComparer"/>), and byte for byte where both are in the same transfer
/// syntax. A byte difference between element-equal data sets is a group length (the only thing the element
/// comparison leaves out), and the message names it.
/// </summary>
public static class ObjectCheck
{
    /// <summary>Accept whatever syntax the receiver got (a C-MOVE/C-GET SCP may convert among uncompressed syntaxes for its destination).</summary>
    public const string AnySyntax = "any";

    /// <summary>Pairs each sent file with the received one of the same SOP Instance UID and compares them; returns how many were byte-identical.</summary>
    public static int SameObjects(IReadOnlyList<string> sent, IReadOnlyDictionary<string, string> received, string where, string? expectedSyntax = null)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(received);
        var identical = 0;
        foreach (var path in sent)
        {
            var source = DicomFile.Open(path);
            var uid = source.Dataset.GetUid(DicomTags.SOPInstanceUID);
            Expect.That(received.TryGetValue(uid, out var arrived), $"{Path.GetFileName(path)} ({uid}) did not arrive at {where}; {received.Count} object(s) did");
            identical += Same(source, DicomFile.Open(arrived!), expectedSyntax ?? source.TransferSyntax.Uid, where) ? 1 : 0;
        }

        return identical;
    }

    /// <summary>Compares one pair; true when the data set bytes were compared (same syntax) and equal.</summary>
    public static bool Same(DicomFile sent, DicomFile arrived, string expectedSyntax, string where)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(arrived);
        var uid = sent.Dataset.GetUid(DicomTags.SOPInstanceUID);
        Expect.That(expectedSyntax == AnySyntax || arrived.TransferSyntax.Uid == expectedSyntax,
            $"{uid} arrived at {where} in {arrived.TransferSyntax.Uid} ({arrived.TransferSyntax.Name}), expected {expectedSyntax}");

        // Implicit VR carries no VR: the receiver's dictionary supplies one (OW for pixel data, say), so VRs are not comparable there.
        var implicitVr = !sent.TransferSyntax.IsExplicitVR || !arrived.TransferSyntax.IsExplicitVR;
        var differences = DatasetComparer.Compare(sent.Dataset, arrived.Dataset)
            .Where(d => !(implicitVr && d.Kind == DatasetDifferenceKind.ValueRepresentation)).ToList();
        Expect.That(differences.Count == 0, $"{uid} arrived at {where} changed: {string.Join("; ", differences.Take(5))}");
        if (sent.TransferSyntax.Uid != arrived.TransferSyntax.Uid)
        {
            return false;
        }

        var (a, b) = (Bytes(sent), Bytes(arrived));
        if (a.AsSpan().SequenceEqual(b) || DeflatePadding(sent.TransferSyntax, a, b))
        {
            return true;
        }

        throw new CaseFailedException($"{uid} arrived at {where} element for element equal but not byte for byte (both {expectedSyntax}, {a.Length} vs {b.Length} bytes, first difference at data set offset {a.AsSpan().CommonPrefixLength(b)}){GroupLengths(sent.Dataset, arrived.Dataset)}");
    }

    /// <summary>A deflated stream of odd length travels with one trailing NUL (PDV fragments are even); the rest must be the same bytes.</summary>
    private static bool DeflatePadding(DicomTransferSyntax syntax, byte[] sent, byte[] arrived)
    {
        if (!syntax.IsDeflated || Math.Abs(sent.Length - arrived.Length) != 1)
        {
            return false;
        }

        var (shorter, longer) = sent.Length < arrived.Length ? (sent, arrived) : (arrived, sent);
        return shorter.Length % 2 == 1 && longer[^1] == 0 && longer.AsSpan(0, shorter.Length).SequenceEqual(shorter);
    }

    private static string GroupLengths(DicomDataset sent, DicomDataset arrived)
    {
        var differing = sent.Concat(arrived).Where(e => e.Tag.IsGroupLength).Select(e => e.Tag).Distinct()
            .Where(tag => Value(sent, tag) != Value(arrived, tag))
            .Select(tag => $"{tag} group length sent {Value(sent, tag) ?? "absent"}, arrived {Value(arrived, tag) ?? "absent"}")
            .ToList();
        return differing.Count == 0 ? string.Empty : ": wrong group length: " + string.Join("; ", differing);
    }

    private static string? Value(DicomDataset dataset, DicomTag tag) =>
        dataset.Contains(tag) ? dataset.GetUInt32(tag).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static byte[] Bytes(DicomFile file)
    {
        var region = file.DatasetRegion ?? throw new InvalidOperationException($"{file.SourcePath}: no data set region");
        using var stream = region.OpenRead();
        var bytes = new byte[region.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
