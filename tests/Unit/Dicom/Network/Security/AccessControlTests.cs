using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Security;

namespace Conformance.Unit.Tests.Dicom.Network.Security;

/// <summary>
/// Who may associate, over loopback: calling AE allow-lists (optionally bound to source addresses), called AE
/// titles, user identities checked against configured credentials (PS3.7 D.3.3.7). Each refusal is an
/// A-ASSOCIATE-RJ with PS3.8 table 9-21's result, source and reason, and a log line that says why.
/// </summary>
public class AccessControlTests
{
    private static AcceptancePolicy Policy => AcceptancePolicy.ForVerification(EchoListener.AeTitle);

    private static UserCredentials Users => UserCredentials.Parse(["alice:s3cret", "bob"]);

    private static IEnumerable<TestCaseData> Accepted()
    {
        yield return new TestCaseData(Policy with { CallingAeRules = [AeAccessRule.Parse("TESTSCU")] }, "TESTSCU", null).SetName("Calling AE on the allow-list: accepted");
        yield return new TestCaseData(Policy with { CallingAeRules = [AeAccessRule.Parse("TESTSCU@127.0.0.0/8")] }, "TESTSCU", null).SetName("Calling AE allowed from 127.0.0.0/8, coming from loopback: accepted");
        yield return new TestCaseData(Policy with { CalledAeTitles = new HashSet<string> { "OTHER", EchoListener.AeTitle } }, "TESTSCU", null).SetName("Called AE among several: accepted");
        yield return new TestCaseData(Policy with { Credentials = Users }, "TESTSCU", UserIdentity.UsernameAndPasscode("alice", "s3cret", positiveResponseRequested: true)).SetName("Right passcode: accepted, positive response sent");
        yield return new TestCaseData(Policy with { Credentials = Users }, "TESTSCU", UserIdentity.Username("bob")).SetName("User configured without passcode, username only: accepted");
    }

    [TestCaseSource(nameof(Accepted))]
    public async Task Allowed_peers_associate(AcceptancePolicy policy, string calling, UserIdentity? identity)
    {
        await using var scp = EchoListener.Start(policy);

        var (info, status) = await scp.EchoAsync(calling: calling, adjust: r => r with { UserIdentity = identity });

        status.Should().Be(0);
        info.UserIdentityServerResponse.HasValue.Should().Be(identity is { PositiveResponseRequested: true }, "a positive response is sent exactly when it was asked for (PS3.7 D.3.3.7.2)");
        (await scp.WaitForLogAsync("association accepted", $"'{calling}'")).Should().NotBeNull();
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData(Policy with { CallingAeRules = [AeAccessRule.Parse("FRIEND")] }, "TESTSCU", null, (1, 1, 3), "not on the allow-list").SetName("Calling AE not on the allow-list: 1, 1, 3");
        yield return new TestCaseData(Policy with { CallingAeRules = [AeAccessRule.Parse("TESTSCU@10.0.0.0/8")] }, "TESTSCU", null, (1, 1, 3), "not allowed from 127.0.0.1 (only from 10.0.0.0/8)").SetName("Calling AE allowed only from 10.0.0.0/8, coming from loopback: 1, 1, 3");
        yield return new TestCaseData(Policy with { CalledAeTitles = new HashSet<string> { "OTHER" } }, "TESTSCU", null, (1, 1, 7), "not one of ours (OTHER)").SetName("Called AE not ours: 1, 1, 7");
        yield return new TestCaseData(Policy with { Credentials = Users }, "TESTSCU", UserIdentity.UsernameAndPasscode("alice", "guess"), (1, 2, 1), "wrong passcode for user 'alice'").SetName("Wrong passcode: 1, 2, 1");
        yield return new TestCaseData(Policy with { Credentials = Users }, "TESTSCU", UserIdentity.UsernameAndPasscode("mallory", "s3cret"), (1, 2, 1), "user 'mallory' is not known").SetName("Unknown user: 1, 2, 1");
        yield return new TestCaseData(Policy with { Credentials = Users }, "TESTSCU", UserIdentity.Username("alice"), (1, 2, 1), "must present a passcode").SetName("Username only for a user with a passcode: 1, 2, 1");
        yield return new TestCaseData(Policy with { Credentials = Users }, "TESTSCU", null, (1, 2, 1), "no user identity presented").SetName("No identity where one is required: 1, 2, 1");
    }

    [TestCaseSource(nameof(Refused))]
    public async Task Other_peers_are_rejected_with_the_PS3_8_result_source_and_reason(AcceptancePolicy policy, string calling, UserIdentity? identity, (int Result, int Source, int Reason) expected, string why)
    {
        await using var scp = EchoListener.Start(policy);

        var echo = () => scp.EchoAsync(calling: calling, adjust: r => r with { UserIdentity = identity });

        var rejected = (await echo.Should().ThrowAsync<AssociationRejectedException>()).Which;
        ((int)rejected.Result, (int)rejected.RejectSource, (int)rejected.Reason).Should().Be(expected);
        var line = await scp.WaitForLogAsync("rejected", $"result {expected.Result}", $"source {expected.Source}", $"reason {expected.Reason}", why);
        line.Should().NotBeNull($"the log says why; it was:{Environment.NewLine}{string.Join(Environment.NewLine, scp.Log)}");
        line.Should().NotContain("s3cret").And.NotContain("guess", "a passcode never reaches the log");
        // The listener counts a rejection when the association's failure reaches it, after the A-ASSOCIATE-RJ is sent
        // and logged: wait (bounded) for it instead of racing it.
        for (var until = DateTime.UtcNow + Parrot.Bound; scp.Listener.Counters.Rejected == 0 && DateTime.UtcNow < until;)
        {
            await Task.Delay(20);
        }

        scp.Listener.Counters.Rejected.Should().Be(1);
    }

    [Test]
    public async Task A_rejected_calling_AE_with_a_line_break_cannot_forge_a_log_line()
    {
        await using var scp = EchoListener.Start(Policy with { CallingAeRules = [AeAccessRule.Parse("FRIEND")] });
        using var parrot = await Parrot.ConnectAsync(scp.Port);

        await parrot.SendAsync(Parrot.VerificationRequest(called: EchoListener.AeTitle, calling: "EVIL\nFORGED"));
        (await parrot.ReadAsync<AssociateRejectPdu>()).Reason.Should().Be(3);

        var line = await scp.WaitForLogAsync("rejected", "calling AE");
        line.Should().Contain("EVIL\\x0AFORGED").And.NotContain("\n");
    }
}
