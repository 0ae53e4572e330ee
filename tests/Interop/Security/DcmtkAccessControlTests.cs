using Conformance.Dicom.Network.Security;
using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Security;

/// <summary>
/// AE allow-lists with DCMTK storescu over TLS -> our SCP: a calling AE allowed from the loopback range stores; one
/// allowed only from another range, or not listed, is A-ASSOCIATE-RJ 1, 1, 3; a called AE alias is answered, any
/// other called AE is 1, 1, 7; storescu reports each reason and nothing is stored.
/// </summary>
public class DcmtkAccessControlTests : SecurityInteropTest
{
    [Test]
    public async Task A_calling_AE_allowed_from_the_loopback_range_and_a_called_alias_store()
    {
        var sources = await WriteStudyAsync("ALLOWED", 1);
        var (server, directory) = await StartSecureScpAsync(o => o with { AllowedCallingAes = [AeAccessRule.Parse("MODALITY@127.0.0.0/8")], AllowedCalledAes = ["ALIAS"] });

        var storescu = await RunToolAsync("storescu", [.. PkiFiles.DcmtkTls(Pki.Client, Pki.Authority), "-aet", "MODALITY", "-aec", "ALIAS", "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Zero, storescu.Output);
        Assert.That(ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), DicomFilesIn(directory)), Is.EqualTo(1));
    }

    [TestCase("MODALITY", OurAe, "Calling AE Title Not Recognized", "result 1", "source 1", "reason 3", "not allowed from 127.0.0.1 (only from 10.0.0.0/8)")]
    [TestCase("STRANGER", OurAe, "Calling AE Title Not Recognized", "result 1", "source 1", "reason 3", "not on the allow-list")]
    [TestCase("VIEWER", "NOTOURS", "Called AE Title Not Recognized", "result 1", "source 1", "reason 7", "'NOTOURS' is not one of ours")]
    public async Task Other_AE_titles_are_rejected_and_nothing_is_stored(string calling, string called, string storescuSays, params string[] logged)
    {
        var sources = await WriteStudyAsync("REJECTED", 1);
        var (server, directory) = await StartSecureScpAsync(o => o with { AllowedCallingAes = [AeAccessRule.Parse("MODALITY@10.0.0.0/8"), AeAccessRule.Parse("VIEWER")] });

        var storescu = await RunToolAsync("storescu", [.. PkiFiles.DcmtkTls(Pki.Client, Pki.Authority), "-aet", calling, "-aec", called, "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Not.Zero, storescu.Output);
        Assert.That(storescu.Output, Does.Contain("Association Rejected").And.Contain(storescuSays), storescu.Output);
        Assert.That(await LoggedAsync(["rejected", .. logged]), Is.Not.Empty);
        Assert.That(DicomFilesIn(directory), Is.Empty, "nothing stored");
    }
}
