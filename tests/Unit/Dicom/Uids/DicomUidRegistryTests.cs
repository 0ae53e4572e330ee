using Conformance.Dicom.Uids;

namespace Conformance.Unit.Tests.Dicom.Uids;

public class DicomUidRegistryTests
{
    [TestCase("1.2.840.10008.5.1.4.1.1.2", "CTImageStorage", true)]
    [TestCase("1.2.840.10008.5.1.4.1.1.6", "UltrasoundImageStorageRetired", true)]
    [TestCase("1.2.840.10008.1.20.1", "StorageCommitmentPushModel", false)]
    [TestCase("1.2.840.10008.1.3.10", "MediaStorageDirectoryStorage", false)]
    [TestCase("1.2.840.10008.5.1.4.31", "ModalityWorklistInformationModelFind", false)]
    [TestCase("1.2.840.10008.1.2.1", "ExplicitVRLittleEndian", false)]
    public void A_registered_UID_has_its_keyword_and_storage_classification(string uid, string keyword, bool storage)
    {
        DicomUidRegistry.TryGet(uid, out var entry).Should().BeTrue();

        entry.Keyword.Should().Be(keyword);
        entry.IsStorageSopClass.Should().Be(storage);
        DicomUidRegistry.IsStorageSopClass(uid).Should().Be(storage);
    }

    [Test]
    public void The_storage_list_holds_only_SOP_classes_each_once()
    {
        DicomUidRegistry.StorageSopClasses.Should().OnlyHaveUniqueItems().And.HaveCountGreaterThan(150);
        DicomUidRegistry.StorageSopClasses.Should().OnlyContain(uid => DicomUidRegistry.All.Single(e => e.Uid == uid).Type == "SOP Class");
        DicomUidRegistry.IsStorageSopClass("1.2.3.4").Should().BeFalse();
    }
}
