using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Dicom.Network.Services.Storage;

public class FileMetaHeaderTests
{
    [Test]
    public async Task A_built_header_reads_back_with_its_UIDs_and_data_set_offset()
    {
        var header = FileMetaHeader.Build("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", "1.2.840.10008.1.2", "SENDER");
        using var stream = new MemoryStream([.. header, 0x08, 0x00]);

        var meta = await FileMetaInfo.ReadAsync(stream, "test", CancellationToken.None);

        meta.Should().Be(new FileMetaInfo("1.2.840.10008.1.2", "1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", header.Length));
        header.AsSpan(0, 128).ToArray().Should().OnlyContain(b => b == 0);
        header.Length.Should().BeGreaterThan(132).And.Subject.Should().Be((int)meta.DataSetOffset);
    }

    [Test]
    public async Task A_file_without_DICM_is_refused_with_its_name()
    {
        using var stream = new MemoryStream(new byte[200]);

        var act = () => FileMetaInfo.ReadAsync(stream, "x.dcm", CancellationToken.None);

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage("x.dcm: no DICM*");
    }
}
