using System.Collections.ObjectModel;

namespace Conformance.Dicom.Data;

/// <summary>The items of a sequence; each item is a <see cref="DicomDataset"/>. Changes are tracked.</summary>
public sealed class DicomItemCollection : Collection<DicomDataset>
{
    internal DicomItemCollection(IEnumerable<DicomDataset> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }

        Stamp = ChangeStamp.Next();
    }

    internal long Stamp { get; private set; }

    protected override void InsertItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        base.InsertItem(index, item);
        Stamp = ChangeStamp.Next();
    }

    protected override void SetItem(int index, DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        base.SetItem(index, item);
        Stamp = ChangeStamp.Next();
    }

    protected override void RemoveItem(int index)
    {
        base.RemoveItem(index);
        Stamp = ChangeStamp.Next();
    }

    protected override void ClearItems()
    {
        base.ClearItems();
        Stamp = ChangeStamp.Next();
    }
}
