using FluentAssertions.Execution;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>
/// The malformed-input catalogue against our SCP over loopback: each row gets the answer the standard
/// requires on the wire, bounded memory, nothing stored, and the listener serves a valid C-ECHO afterwards;
/// a second test per row checks that the SCP's log names what was wrong.
/// </summary>
[TestFixture]
public class HostileInputTests
{
    private static IEnumerable<TestCaseData> Rows => HostileCatalogue.All.Select(c => new TestCaseData(c.Name).SetName($"Hostile: {c.Name} -> {c.Expect}").SetDescription(c.Clause));

    private static IEnumerable<TestCaseData> LoggedRows => HostileCatalogue.All.Where(c => c.LogNames.Length > 0)
        .Select(c => new TestCaseData(c.Name).SetName($"Hostile log: {c.Name}").SetDescription(c.Clause));

    [Test]
    public void The_catalogue_has_at_least_50_distinct_inputs()
    {
        var rows = HostileCatalogue.All.ToList();
        rows.Should().HaveCountGreaterThanOrEqualTo(50);
        rows.Select(r => r.Name).Should().OnlyHaveUniqueItems();
        rows.Should().OnlyContain(r => r.Clause.Length > 0 && r.Send.Length > 0);
    }

    [TestCaseSource(nameof(Rows))]
    public async Task The_SCP_answers_as_the_standard_requires_and_keeps_serving(string name)
    {
        var row = HostileCatalogue.Named(name);
        await using var scp = await HostileScp.StartAsync();

        var run = await HostileRun.ExecuteAsync(scp, row);
        var echoStatus = await HostileRun.EchoAfterwardsAsync(scp);

        using (new AssertionScope())
        {
            row.Expect.Check(run.Outcome, row.MessageId).Should().BeNull($"{row.Clause} requires {row.Expect}");
            run.AllocatedBytes.Should().BeLessThan(run.AllocationBound, "memory must not follow declared lengths ({0} bytes sent)", run.BytesSent);
            run.StoredInstances.Should().Be(0, "bad input stores nothing");
            if (row.Expect.AssociationContinues)
            {
                run.FollowUpEchoStatus.Should().Be((ushort)0, "the association goes on after an ignored input");
            }

            echoStatus.Should().Be((ushort)0, "the listener keeps serving: a valid C-ECHO association afterwards succeeds");
        }
    }

    [TestCaseSource(nameof(LoggedRows))]
    public async Task The_SCP_logs_what_was_wrong(string name)
    {
        var row = HostileCatalogue.Named(name);
        await using var scp = await HostileScp.StartAsync();

        await HostileRun.ExecuteAsync(scp, row);

        var line = await scp.WaitForLogAsync(row.LogNames, TimeSpan.FromSeconds(5));
        TestContext.Out.WriteLine($"log line: {line}");
        line.Should().NotBeNull($"a log line should name what was wrong ({string.Join(" / ", row.LogNames)}); the log was:{Environment.NewLine}{string.Join(Environment.NewLine, scp.Log)}");
    }
}
