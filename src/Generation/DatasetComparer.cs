using Conformance.Dicom.Data;

namespace Conformance.Generation;

/// <summary>
/// Compares two data sets element by element: tags, VRs and value bytes (in the little-endian order the
/// data layer keeps), recursing into sequence items and encapsulated fragments. Length encodings (defined
/// or undefined) and group lengths are not compared: they are encoding, not content.
/// </summary>
public static class DatasetComparer
{
    private const int ChunkSize = 1024 * 1024;

    public static IReadOnlyList<DatasetDifference> Compare(DicomDataset first, DicomDataset second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var differences = new List<DatasetDifference>();
        CompareDatasets(first, second, string.Empty, differences);
        return differences;
    }

    private static void CompareDatasets(DicomDataset first, DicomDataset second, string path, List<DatasetDifference> differences)
    {
        var a = first.Where(e => !e.Tag.IsGroupLength).ToList();
        var b = second.Where(e => !e.Tag.IsGroupLength).ToList();
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            var order = i >= a.Count ? 1 : j >= b.Count ? -1 : a[i].Tag.CompareTo(b[j].Tag);
            if (order < 0)
            {
                differences.Add(new(path + a[i].Tag, DatasetDifferenceKind.OnlyInFirst, a[i].ToString()));
                i++;
            }
            else if (order > 0)
            {
                differences.Add(new(path + b[j].Tag, DatasetDifferenceKind.OnlyInSecond, b[j].ToString()));
                j++;
            }
            else
            {
                CompareElements(a[i++], b[j++], path, differences);
            }
        }
    }

    private static void CompareElements(DicomElement first, DicomElement second, string path, List<DatasetDifference> differences)
    {
        var here = path + first.Tag;
        if (!first.VR.Equals(second.VR))
        {
            differences.Add(new(here, DatasetDifferenceKind.ValueRepresentation, $"{first.VR} vs {second.VR}"));
        }

        switch (first, second)
        {
            case (DicomValueElement x, DicomValueElement y):
                var mismatch = FirstMismatch(x.Value, y.Value);
                if (mismatch is not null)
                {
                    differences.Add(new(here, DatasetDifferenceKind.Value, mismatch));
                }

                break;
            case (DicomSequence x, DicomSequence y):
                if (x.Items.Count != y.Items.Count)
                {
                    differences.Add(new(here, DatasetDifferenceKind.Structure, $"{x.Items.Count} vs {y.Items.Count} item(s)"));
                    break;
                }

                for (var k = 0; k < x.Items.Count; k++)
                {
                    CompareDatasets(x.Items[k], y.Items[k], $"{here}[{k}].", differences);
                }

                break;
            case (DicomFragmentSequence x, DicomFragmentSequence y):
                CompareFragments(x, y, here, differences);
                break;
            default:
                differences.Add(new(here, DatasetDifferenceKind.Structure, $"{first.GetType().Name} vs {second.GetType().Name}"));
                break;
        }
    }

    private static void CompareFragments(DicomFragmentSequence x, DicomFragmentSequence y, string here, List<DatasetDifference> differences)
    {
        if (x.Fragments.Count != y.Fragments.Count)
        {
            differences.Add(new(here, DatasetDifferenceKind.Structure, $"{x.Fragments.Count} vs {y.Fragments.Count} fragment(s)"));
            return;
        }

        if (FirstMismatch(x.OffsetTable, y.OffsetTable) is { } table)
        {
            differences.Add(new(here + "{offset table}", DatasetDifferenceKind.Value, table));
        }

        for (var k = 0; k < x.Fragments.Count; k++)
        {
            if (FirstMismatch(x.Fragments[k], y.Fragments[k]) is { } fragment)
            {
                differences.Add(new($"{here}{{fragment {k}}}", DatasetDifferenceKind.Value, fragment));
            }
        }
    }

    /// <summary>Null when equal, else where they first differ; streams large values chunk by chunk.</summary>
    private static string? FirstMismatch(DicomBuffer first, DicomBuffer second)
    {
        if (first.Length != second.Length)
        {
            return $"length {first.Length} vs {second.Length}";
        }

        using var a = first.OpenRead();
        using var b = second.OpenRead();
        var bufferA = new byte[(int)Math.Min(ChunkSize, Math.Max(1, first.Length))];
        var bufferB = new byte[bufferA.Length];
        long offset = 0;
        while (offset < first.Length)
        {
            var n = (int)Math.Min(bufferA.Length, first.Length - offset);
            a.ReadExactly(bufferA, 0, n);
            b.ReadExactly(bufferB, 0, n);
            var at = bufferA.AsSpan(0, n).CommonPrefixLength(bufferB.AsSpan(0, n));
            if (at < n)
            {
                return $"bytes differ at value offset {offset + at} (0x{bufferA[at]:X2} vs 0x{bufferB[at]:X2}) of {first.Length}";
            }

            offset += n;
        }

        return null;
    }
}
