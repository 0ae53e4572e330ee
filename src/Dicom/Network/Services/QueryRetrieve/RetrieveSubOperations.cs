using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Dicom.Network.Services.QueryRetrieve;

/// <summary>
/// The C-STORE sub-operations of one C-MOVE or C-GET: remaining, completed, failed and warning counts
/// (0000,1020-1023), the failed instances' UIDs, and the final status they call for.
/// </summary>
public sealed class RetrieveSubOperations(int total)
{
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly List<string> _failedUids = [];

    public int Remaining { get; private set; } = total;

    public int Completed { get; private set; }

    public int Failed { get; private set; }

    public int Warning { get; private set; }

    /// <summary>For Failed SOP Instance UID List (0008,0058).</summary>
    public IReadOnlyList<string> FailedUids => _failedUids;

    /// <summary>PS3.4 C.4.2.1.5 / C.4.3.1.4: all failed -> A702; some failed or warned -> B000; else Success.</summary>
    public DimseStatus FinalStatus =>
        Failed > 0 && Completed == 0 && Warning == 0 ? DimseStatus.OutOfResourcesUnableToPerformSubOperations
        : Failed > 0 || Warning > 0 ? DimseStatus.SubOperationsCompleteWithFailures
        : DimseStatus.Success;

    public void Record(StoreOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _done.Add(outcome.SopInstanceUid);
        Remaining--;
        if (!outcome.Succeeded)
        {
            Failed++;
            _failedUids.Add(outcome.SopInstanceUid);
        }
        else if (outcome.Status.IsWarning)
        {
            Warning++;
        }
        else
        {
            Completed++;
        }
    }

    /// <summary>Counts every item without an outcome yet as failed (the sub-association broke off).</summary>
    public void FailRemaining(IEnumerable<StoreItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items.Where(i => !_done.Contains(i.SopInstanceUid)).ToList())
        {
            Record(new StoreOutcome(item.Description, item.SopClassUid, item.SopInstanceUid, DimseStatus.ProcessingFailure, null, false, TimeSpan.Zero, "not sent"));
        }
    }
}
