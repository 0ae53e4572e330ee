using System.Buffers.Binary;
using Conformance.Dicom.Network.Pdus;
using Conformance.Harness.Matrix.Evidence;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Sut.External;

namespace Conformance.Interop.Tests.Matrix.Parts;

/// <summary>The small parts the cells judge with: A-ASSOCIATE fields, command templates, a capture's time window.</summary>
public sealed class WirePartsTests
{
    [Test]
    public void An_associate_request_gives_its_maximum_length_contexts_and_roles()
    {
        var pdu = new AssociateRequestPdu("CALLED", "CALLING", new ApplicationContextItem(ApplicationContextItem.DicomApplicationContext),
            [new PresentationContextRequestItem(1, "1.2.840.10008.5.1.4.1.1.4", ["1.2.840.10008.1.2.1"])],
            new UserInformationItem { MaximumLength = new MaximumLengthItem(4096), RoleSelections = [new RoleSelectionItem("1.2.840.10008.5.1.4.1.1.4", false, true)] });
        var bytes = new byte[pdu.EncodedLength];
        pdu.Write(bytes);

        var fields = AssociateFields.Parse(bytes.AsSpan(6));

        fields.MaxLength.Should().Be(4096u);
        fields.AbstractSyntaxes.Should().ContainKey(1).WhoseValue.Should().Be("1.2.840.10008.5.1.4.1.1.4");
        fields.Roles.Should().ContainSingle().Which.Should().Be(new ObservedRole("1.2.840.10008.5.1.4.1.1.4", false, true));
    }

    [Test]
    public void A_command_template_expands_lists_and_values_and_refuses_unknown_placeholders()
    {
        var values = new Dictionary<string, string> { ["host"] = "10.0.0.1", ["port"] = "104", ["syntax"] = "" };
        var lists = new Dictionary<string, IReadOnlyList<string>> { ["files"] = ["a.dcm", "b c.dcm"], ["knobs"] = [] };

        CommandTemplate.Expand("storescu {knobs} {syntax} {host} {port} {files}", values, lists).Should().Equal("storescu", "10.0.0.1", "104", "a.dcm", "b c.dcm");
        var unknown = () => CommandTemplate.Expand("echoscu {nope}", values, lists);
        unknown.Should().Throw<FormatException>().WithMessage("*{nope}*");
    }

    [Test]
    public void A_capture_window_keeps_the_packets_from_its_start()
    {
        var source = Path.GetTempFileName();
        var target = Path.GetTempFileName();
        try
        {
            var start = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
            File.WriteAllBytes(source, [.. Header(), .. Record(start.AddSeconds(-5), 0xAA), .. Record(start.AddSeconds(1), 0xBB)]);

            PcapWindow.Copy(source, target, start);

            var kept = File.ReadAllBytes(target);
            kept.Should().HaveCount(24 + 16 + 1);
            kept[^1].Should().Be(0xBB);
        }
        finally
        {
            File.Delete(source);
            File.Delete(target);
        }
    }

    private static byte[] Header()
    {
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        return header;
    }

    private static byte[] Record(DateTime when, byte payload)
    {
        var record = new byte[17];
        var seconds = new DateTimeOffset(when).ToUnixTimeSeconds();
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), 1);
        record[16] = payload;
        return record;
    }
}
