using System.Globalization;
using System.Text;

using Conformance.Dicom.Data;

namespace Conformance.Dicom.Dictionary;

/// <summary>A dcmdump-like text dump of a data set (with dictionary keywords), for diagnostics and test failure messages.</summary>
public static class DicomDatasetFormatter
{
    /// <summary>One line per element: tag, VR, value (strings decoded, numbers listed, long values cut).</summary>
    public static string Format(DicomDataset dataset, int maxValueChars = 64)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var sb = new StringBuilder();
        Append(sb, dataset, 0, maxValueChars);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, DicomDataset dataset, int depth, int max)
    {
        var indent = new string(' ', depth * 2);
        foreach (var e in dataset)
        {
            sb.Append(indent).Append(e.Tag).Append(' ').Append(e.VR).Append(' ');
            switch (e)
            {
                case DicomSequence s:
                    sb.Append(CultureInfo.InvariantCulture, $"({s.Items.Count} item(s), {(s.UndefinedLength ? "undefined" : "defined")} length)")
                        .Append(Keyword(e)).AppendLine();
                    foreach (var item in s.Items)
                    {
                        sb.Append(indent).Append(CultureInfo.InvariantCulture, $"  (item, {(item.UndefinedItemLength ? "undefined" : "defined")} length)").AppendLine();
                        Append(sb, item, depth + 2, max);
                    }

                    break;
                case DicomFragmentSequence f:
                    sb.Append(CultureInfo.InvariantCulture, $"(offset table {f.OffsetTable.Length} bytes, {f.Fragments.Count} fragment(s))")
                        .Append(Keyword(e)).AppendLine();
                    break;
                case DicomValueElement v:
                    sb.Append('[').Append(Cut(Value(v, dataset.CharacterSet), max)).Append(']')
                        .Append(CultureInfo.InvariantCulture, $" #{v.Length}").Append(Keyword(e)).AppendLine();
                    break;
            }
        }
    }

    private static string Value(DicomValueElement v, DicomCharacterSet charset)
    {
        if (!v.Value.IsInMemory)
        {
            return $"lazy {v.Length} bytes";
        }

        if (v.VR.IsString)
        {
            return v.GetString(charset);
        }

        // OW, OL, OF... have VM 1 but are shown word by word.
        var count = (int)Math.Min(v.VR.ValueSize > 0 ? v.GetValueCount() : v.Length / Math.Max(1, v.VR.ByteSwapSize), 16);
        if (v.VR.ValueSize == 0 && v.VR.ByteSwapSize == 1)
        {
            return Convert.ToHexString(v.Value.GetMemory().Span[..(int)Math.Min(v.Length, 32)]);
        }

        var items = new List<string>();
        for (var i = 0; i < count; i++)
        {
            items.Add(v.VR == DicomVR.AT ? v.GetAttributeTag(i).ToString()
                : v.VR == DicomVR.FL || v.VR == DicomVR.FD || v.VR == DicomVR.OF || v.VR == DicomVR.OD
                    ? v.GetDouble(i).ToString(CultureInfo.InvariantCulture)
                    : v.VR == DicomVR.UV || v.VR == DicomVR.OV ? v.GetUInt64(i).ToString(CultureInfo.InvariantCulture)
                    : v.GetInt64(i).ToString(CultureInfo.InvariantCulture));
        }

        return string.Join('\\', items);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max), "...");

    private static string Keyword(DicomElement e) => e.Tag.Keyword is { } k ? " " + k : string.Empty;
}
