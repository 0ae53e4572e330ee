namespace Conformance.Dicom.Data;

/// <summary>
/// Process-wide increasing counter. Every mutation of a dataset, sequence or item list takes a new stamp, so the
/// largest stamp in a tree grows whenever anything in it changes (used to keep a deflate stream or file meta as read).
/// </summary>
internal static class ChangeStamp
{
    private static long s_last;

    internal static long Next() => Interlocked.Increment(ref s_last);
}
