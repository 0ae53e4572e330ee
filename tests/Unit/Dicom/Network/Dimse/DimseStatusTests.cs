using Conformance.Dicom.Network.Dimse;

namespace Conformance.Unit.Tests.Dicom.Network.Dimse;

/// <summary>Status classes of PS3.7 Annex C.</summary>
public class DimseStatusTests
{
    [TestCase((ushort)0x0000, DimseStatusClass.Success)]
    [TestCase((ushort)0xFF00, DimseStatusClass.Pending)]
    [TestCase((ushort)0xFF01, DimseStatusClass.Pending)]
    [TestCase((ushort)0xFE00, DimseStatusClass.Cancel)]
    [TestCase((ushort)0x0001, DimseStatusClass.Warning)]
    [TestCase((ushort)0x0107, DimseStatusClass.Warning)]
    [TestCase((ushort)0x0116, DimseStatusClass.Warning)]
    [TestCase((ushort)0xB000, DimseStatusClass.Warning)]
    [TestCase((ushort)0xB007, DimseStatusClass.Warning)]
    [TestCase((ushort)0xA700, DimseStatusClass.Failure)]
    [TestCase((ushort)0xA701, DimseStatusClass.Failure)]
    [TestCase((ushort)0xA702, DimseStatusClass.Failure)]
    [TestCase((ushort)0xA801, DimseStatusClass.Failure)]
    [TestCase((ushort)0xA900, DimseStatusClass.Failure)]
    [TestCase((ushort)0xC000, DimseStatusClass.Failure)]
    [TestCase((ushort)0xCFFF, DimseStatusClass.Failure)]
    [TestCase((ushort)0x0122, DimseStatusClass.Failure)]
    [TestCase((ushort)0x0211, DimseStatusClass.Failure)]
    public void Classifies_codes_by_PS3_7_annex_C(ushort code, DimseStatusClass expected)
    {
        new DimseStatus(code).Class.Should().Be(expected);
    }

    [Test]
    public void Pending_and_warning_are_plain_values_that_read_as_not_failed()
    {
        DimseStatus.Pending.IsFailure.Should().BeFalse();
        DimseStatus.CoercionOfDataElements.IsSuccessOrWarning.Should().BeTrue();
        DimseStatus.MoveDestinationUnknown.ToString().Should().Be("0xA801 (Failure)");
    }
}
