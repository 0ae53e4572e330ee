using Conformance.Dicom.Network.Security;
using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Security;

/// <summary>
/// storescu's user identity negotiation (<c>-usr NAME -pwd PASS [-rsp]</c>, PS3.7 D.3.3.7) over TLS -> our SCP with
/// configured credentials: the right passcode stores (and is confirmed when asked), a wrong passcode, an unknown user
/// or no identity is A-ASSOCIATE-RJ 1, 2, 1 as storescu reports it, with nothing stored and no passcode in our log.
/// </summary>
public class DcmtkUserIdentityTests : SecurityInteropTest
{
    private static UserCredentials Users => UserCredentials.Parse(["alice:s3cret"]);

    [Test]
    public async Task The_right_passcode_stores_and_is_confirmed()
    {
        var sources = await WriteStudyAsync("USERID", 2);
        var (server, directory) = await StartSecureScpAsync(o => o with { Credentials = Users });

        var storescu = await RunToolAsync("storescu", [.. PkiFiles.DcmtkTls(Pki.Client, Pki.Authority), "-v", "-usr", "alice", "-pwd", "s3cret", "-rsp", "-aec", OurAe, "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Zero, storescu.Output);
        Assert.That(ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), DicomFilesIn(directory)), Is.EqualTo(2));
        Assert.That(await LoggedAsync("association accepted", "user identity"), Does.Not.Contain("s3cret"));
    }

    [TestCase("alice", "guess", "wrong passcode for user 'alice'")]
    [TestCase("mallory", "s3cret", "user 'mallory' is not known")]
    [TestCase(null, null, "no user identity presented")]
    public async Task A_wrong_identity_is_rejected_1_2_1_and_nothing_is_stored(string? user, string? password, string why)
    {
        var sources = await WriteStudyAsync("WRONGID", 1);
        var (server, directory) = await StartSecureScpAsync(o => o with { Credentials = Users });
        string[] identity = user is null ? [] : ["-usr", user, "-pwd", password!];

        var storescu = await RunToolAsync("storescu", [.. PkiFiles.DcmtkTls(Pki.Client, Pki.Authority), "-v", .. identity, "-aec", OurAe, "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Not.Zero, storescu.Output);
        Assert.That(storescu.Output, Does.Contain("Association Rejected").And.Contain("Result: Rejected Permanent, Source: Service Provider (ACSE Related)").And.Contain("Reason: No Reason"), storescu.Output);
        var line = await LoggedAsync("rejected", "result 1", "source 2", "reason 1", why);
        Assert.That(line, Does.Not.Contain("s3cret").And.Not.Contain("guess"), "a passcode never reaches the log");
        Assert.That(DicomFilesIn(directory), Is.Empty, "nothing stored");
    }
}
