using System.Globalization;
using System.Text;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dimse.Infrastructure;

/// <summary>One small test image: identifiers of each level.</summary>
public sealed record TestImage(string PatientId, string PatientName, string StudyUid, string SeriesUid, string SopInstanceUid, string Modality, int InstanceNumber)
{
    public const string SecondaryCaptureSopClass = "1.2.840.10008.5.1.4.1.1.7";
}

/// <summary>Makes small DICOM files with DCMTK's dump2dcm (explicit VR little endian, Secondary Capture).</summary>
public static class TestObjects
{
    private static int _counter;

    /// <summary>A study of <paramref name="count"/> images in one series; UIDs are unique per call.</summary>
    public static IReadOnlyList<TestImage> Study(string patientId, string patientName, int count, string modality = "OT")
    {
        var n = Interlocked.Increment(ref _counter);
        var root = string.Create(CultureInfo.InvariantCulture, $"1.2.826.0.1.3680043.10.1137.{Environment.ProcessId}.{n}");
        return Enumerable.Range(1, count)
            .Select(i => new TestImage(patientId, patientName, root, root + ".1", string.Create(CultureInfo.InvariantCulture, $"{root}.1.{i}"), modality, i))
            .ToList();
    }

    public static async Task<string> WriteAsync(TestImage image, string directory, int rows = 16, int columns = 16, string transferSyntaxOption = "+te")
    {
        var dump = Path.Combine(directory, image.SopInstanceUid + ".dump");
        var file = Path.Combine(directory, image.SopInstanceUid + ".dcm");
        await File.WriteAllTextAsync(dump, Dump(image, rows, columns));
        using var runner = new HostProcessRunner();
        var process = await runner.RunAsync(new HostProcessStart("dump2dcm", [transferSyntaxOption, dump, file]) { Timeout = TimeSpan.FromSeconds(60) }, CancellationToken.None);
        Assert.That(process.ExitCode, Is.Zero, $"dump2dcm failed:\n{process.Output}");
        File.Delete(dump);
        return file;
    }

    public static async Task<IReadOnlyList<string>> WriteAllAsync(IEnumerable<TestImage> images, string directory)
    {
        var files = new List<string>();
        foreach (var image in images)
        {
            files.Add(await WriteAsync(image, directory));
        }

        return files;
    }

    private static string Dump(TestImage image, int rows, int columns)
    {
        var sb = new StringBuilder();
        void Line(string tag, string vr, string value) => sb.Append(CultureInfo.InvariantCulture, $"({tag}) {vr} [{value}]\n");
        Line("0008,0005", "CS", "ISO_IR 100");
        Line("0008,0016", "UI", TestImage.SecondaryCaptureSopClass);
        Line("0008,0018", "UI", image.SopInstanceUid);
        Line("0008,0020", "DA", "20240315");
        Line("0008,0030", "TM", "101500");
        Line("0008,0050", "SH", "ACC" + image.InstanceNumber.ToString(CultureInfo.InvariantCulture));
        Line("0008,0060", "CS", image.Modality);
        Line("0008,0064", "CS", "WSD");
        Line("0008,1030", "LO", "Interop study");
        Line("0010,0010", "PN", image.PatientName);
        Line("0010,0020", "LO", image.PatientId);
        Line("0010,0030", "DA", "19700101");
        Line("0010,0040", "CS", "O");
        Line("0020,000d", "UI", image.StudyUid);
        Line("0020,000e", "UI", image.SeriesUid);
        Line("0020,0010", "SH", "S1");
        Line("0020,0011", "IS", "1");
        Line("0020,0013", "IS", image.InstanceNumber.ToString(CultureInfo.InvariantCulture));
        sb.Append("(0028,0002) US 1\n(0028,0004) CS [MONOCHROME2]\n");
        sb.Append(CultureInfo.InvariantCulture, $"(0028,0010) US {rows}\n(0028,0011) US {columns}\n");
        sb.Append("(0028,0100) US 16\n(0028,0101) US 12\n(0028,0102) US 11\n(0028,0103) US 0\n");
        sb.Append("(7fe0,0010) OW ");
        for (var i = 0; i < rows * columns; i++)
        {
            if (i > 0)
            {
                sb.Append('\\');
            }

            sb.Append(((i * 7) + image.InstanceNumber & 0x0FFF).ToString("x4", CultureInfo.InvariantCulture));
        }

        sb.Append('\n');
        return sb.ToString();
    }
}
