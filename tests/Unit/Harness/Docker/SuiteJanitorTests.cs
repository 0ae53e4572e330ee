using System.Globalization;
using Conformance.Harness.Docker;

namespace Conformance.Unit.Tests.Harness.Docker;

public sealed class SuiteJanitorTests
{
    [Test]
    public void Docker_label_lists_are_parsed()
    {
        var labels = SuiteJanitor.ParseLabels("org.conformance.suite=true,org.conformance.run=abc,empty=");

        labels.Should().Contain("org.conformance.suite", "true").And.Contain("org.conformance.run", "abc").And.Contain("empty", string.Empty);
    }

    [Test]
    public void A_resource_whose_owner_is_this_live_process_is_not_a_leftover()
    {
        SuiteJanitor.IsLeftover(SuiteLabels.ForThisRun).Should().BeFalse();
    }

    [Test]
    public void A_resource_whose_owner_pid_is_gone_is_a_leftover()
    {
        var labels = new Dictionary<string, string>(SuiteLabels.ForThisRun) { [SuiteLabels.OwnerPid] = int.MaxValue.ToString(CultureInfo.InvariantCulture) };

        SuiteJanitor.IsLeftover(labels).Should().BeTrue();
    }

    [Test]
    public void A_resource_of_another_machine_is_never_a_leftover_here()
    {
        var labels = new Dictionary<string, string>(SuiteLabels.ForThisRun)
        {
            [SuiteLabels.OwnerHost] = "another-machine",
            [SuiteLabels.OwnerPid] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
        };

        SuiteJanitor.IsLeftover(labels).Should().BeFalse();
    }
}
