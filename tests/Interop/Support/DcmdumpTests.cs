namespace Conformance.Interop.Tests.Support;

/// <summary>The dcmdump verdict must catch what it is there to catch, or the data-layer tests prove nothing.</summary>
public class DcmdumpTests
{
    [Test]
    public async Task A_file_that_is_not_dicom_is_a_problem()
    {
        using var runner = new HostProcessRunner();
        var file = Path.Combine(Path.GetTempPath(), $"not-dicom-{Guid.NewGuid():N}.dcm");
        await File.WriteAllTextAsync(file, "this is not a DICOM file");
        try
        {
            var result = await Dcmdump.DumpAsync(runner, file, CancellationToken.None);

            Dcmdump.Problems(result).Should().NotBeEmpty(result.Describe());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Warning_and_error_lines_count_as_problems()
    {
        var result = new HostProcessResult(0, "# Dicom-File-Format\nW: DcmItem: Length of element (0010,0010) is odd\nE: bad\n", string.Empty, TimeSpan.Zero) { Tool = "dcmdump", Arguments = ["x"] };

        Dcmdump.Problems(result).Should().HaveCount(2);
    }
}
