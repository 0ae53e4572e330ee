using Conformance.Dicom.Data;
using Conformance.Generation;
using Conformance.Dicom.IO;
using Conformance.Dicom.Uids;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Generation;

public class TestDataGeneratorTests
{
    private static readonly GeneratedModality[] Modalities = Enum.GetValues<GeneratedModality>();

    private static async Task<IReadOnlyList<string>> GenerateAsync(TempDirectory workspace, string folder, GenerationOptions options) =>
        await TestDataGenerator.WriteFilesAsync(options, workspace.File(folder), CancellationToken.None);

    [TestCaseSource(nameof(Modalities))]
    public async Task Same_seed_and_options_give_identical_bytes(GeneratedModality modality)
    {
        using var workspace = new TempDirectory();
        var options = new GenerationOptions { Modality = modality, Count = 2, SeriesPerStudy = 2, Seed = 1234 };

        var first = await GenerateAsync(workspace, "a", options);
        var second = await GenerateAsync(workspace, "b", options);

        first.Select(Path.GetFileName).Should().Equal(second.Select(Path.GetFileName));
        for (var i = 0; i < first.Count; i++)
        {
            (await File.ReadAllBytesAsync(first[i])).Should().Equal(await File.ReadAllBytesAsync(second[i]), first[i]);
        }
    }

    [TestCaseSource(nameof(Modalities))]
    public void A_different_seed_gives_different_uids(GeneratedModality modality)
    {
        var place = new InstancePlace(0, 0, 0, 0);
        var a = TestDataGenerator.CreateFile(new GenerationOptions { Modality = modality, Seed = 1 }, place).Dataset;
        var b = TestDataGenerator.CreateFile(new GenerationOptions { Modality = modality, Seed = 2 }, place).Dataset;

        foreach (var tag in new[] { DicomTags.SOPInstanceUID, DicomTags.StudyInstanceUID, DicomTags.SeriesInstanceUID })
        {
            a.GetUid(tag).Should().NotBe(b.GetUid(tag), tag.ToString());
        }

        a.GetString(DicomTags.PatientID).Should().NotBe(b.GetString(DicomTags.PatientID));
    }

    [Test]
    public async Task Hierarchy_counts_are_patients_x_studies_x_series_x_images_with_unique_valid_uids()
    {
        using var workspace = new TempDirectory();
        var options = new GenerationOptions { Modality = GeneratedModality.MR, Patients = 3, StudiesPerPatient = 2, SeriesPerStudy = 2, Count = 3, Seed = 9 };

        var files = await GenerateAsync(workspace, "mr", options);
        var datasets = files.Select(f => DicomFile.Open(f).Dataset).ToList();

        files.Should().HaveCount(3 * 2 * 2 * 3);
        datasets.Select(d => d.GetString(DicomTags.PatientID)).Distinct().Should().HaveCount(3);
        datasets.Select(d => d.GetUid(DicomTags.StudyInstanceUID)).Distinct().Should().HaveCount(3 * 2);
        datasets.Select(d => d.GetUid(DicomTags.SeriesInstanceUID)).Distinct().Should().HaveCount(3 * 2 * 2);
        datasets.Select(d => d.GetUid(DicomTags.SOPInstanceUID)).Distinct().Should().HaveCount(36);
        datasets.GroupBy(d => d.GetUid(DicomTags.StudyInstanceUID))
            .Should().AllSatisfy(study => study.Select(d => d.GetString(DicomTags.PatientID)).Distinct().Should().ContainSingle());
        var allUids = datasets.SelectMany(d => new[]
        {
            d.GetUid(DicomTags.SOPInstanceUID), d.GetUid(DicomTags.StudyInstanceUID), d.GetUid(DicomTags.SeriesInstanceUID), d.GetUid(DicomTags.FrameOfReferenceUID),
        }).ToList();
        allUids.Should().AllSatisfy(uid =>
        {
            uid.Should().MatchRegex(@"^2\.25\.[1-9][0-9]*$");
            uid.Length.Should().BeLessThanOrEqualTo(64);
            DicomUid.IsValid(uid).Should().BeTrue(uid);
        });
    }

    [Test]
    public void Two_modalities_with_the_same_seed_never_share_a_uid()
    {
        var uids = Modalities.Select(m => TestDataGenerator.CreateFile(new GenerationOptions { Modality = m }, default).Dataset)
            .SelectMany(d => new[] { d.GetUid(DicomTags.SOPInstanceUID), d.GetUid(DicomTags.StudyInstanceUID), d.GetUid(DicomTags.SeriesInstanceUID) });

        uids.Should().OnlyHaveUniqueItems();
    }

    [TestCase(GeneratedModality.CT, ModalityTemplates.CtImageStorage, "CT", 512, 512, 1, 16, 1)]
    [TestCase(GeneratedModality.MR, ModalityTemplates.MrImageStorage, "MR", 256, 256, 1, 16, 1)]
    [TestCase(GeneratedModality.US, ModalityTemplates.UltrasoundMultiFrameImageStorage, "US", 480, 640, 1, 8, 8)]
    [TestCase(GeneratedModality.SC, ModalityTemplates.SecondaryCaptureImageStorage, "OT", 256, 256, 3, 8, 1)]
    [TestCase(GeneratedModality.RICH, ModalityTemplates.CtImageStorage, "CT", 128, 128, 1, 16, 1)]
    public async Task Each_modality_has_its_sop_class_and_a_consistent_pixel_module(
        GeneratedModality modality, string sopClass, string modalityCode, int rows, int columns, int samples, int bits, int frames)
    {
        using var workspace = new TempDirectory();
        var file = DicomFile.Open((await GenerateAsync(workspace, "x", new GenerationOptions { Modality = modality }))[0]);
        var d = file.Dataset;

        d.GetUid(DicomTags.SOPClassUID).Should().Be(sopClass);
        file.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPClassUID).Should().Be(sopClass);
        file.FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID).Should().Be(d.GetUid(DicomTags.SOPInstanceUID));
        d.GetString(DicomTags.Modality).Should().Be(modalityCode);
        d.GetUInt16(DicomTags.Rows).Should().Be((ushort)rows);
        d.GetUInt16(DicomTags.Columns).Should().Be((ushort)columns);
        d.GetUInt16(DicomTags.SamplesPerPixel).Should().Be((ushort)samples);
        d.GetUInt16(DicomTags.BitsAllocated).Should().Be((ushort)bits);
        d.GetUInt16(DicomTags.HighBit).Should().Be((ushort)(d.GetUInt16(DicomTags.BitsStored) - 1));
        var numberOfFrames = d.TryGetString(DicomTags.NumberOfFrames, out var n) ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1;
        numberOfFrames.Should().Be(frames);
        var pixelData = (DicomValueElement)d[DicomTags.PixelData];
        pixelData.Length.Should().Be((long)rows * columns * samples * (bits / 8) * frames, "Rows*Columns*SamplesPerPixel*BitsAllocated/8*NumberOfFrames");
        pixelData.VR.Should().Be(bits > 8 ? DicomVR.OW : DicomVR.OB);
        if (samples == 3)
        {
            d.GetString(DicomTags.PhotometricInterpretation).Should().Be("RGB");
            d.GetUInt16(DicomTags.PlanarConfiguration).Should().Be(0);
        }
    }

    [Test]
    public async Task A_ct_file_is_the_size_of_a_real_ct_slice()
    {
        using var workspace = new TempDirectory();
        var path = (await GenerateAsync(workspace, "ct", new GenerationOptions { Modality = GeneratedModality.CT }))[0];

        new FileInfo(path).Length.Should().BeInRange(512 * 1024, 516 * 1024, "~514 KB: 512 KB of pixels plus the header");
    }

    [Test]
    public void The_us_frame_count_follows_the_frames_option()
    {
        var d = TestDataGenerator.CreateFile(new GenerationOptions { Modality = GeneratedModality.US, Frames = 3 }, default).Dataset;

        d.GetString(DicomTags.NumberOfFrames).Should().Be("3");
        d.GetAttributeTag(DicomTags.FrameIncrementPointer).Should().Be(DicomTags.FrameTime);
        ((DicomValueElement)d[DicomTags.PixelData]).Length.Should().Be(480L * 640 * 3);
    }
}
