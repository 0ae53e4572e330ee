using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Dicom.Network.Services.Storage;

public class WriteBudgetTests
{
    [Test]
    public async Task Associations_sharing_a_server_budget_together_queue_no_more_than_it_holds()
    {
        using var server = new WriteBudget(3);
        using var first = new WriteBudget(2, server);
        using var second = new WriteBudget(2, server);
        await first.TakeAsync(CancellationToken.None);
        await first.TakeAsync(CancellationToken.None);
        await second.TakeAsync(CancellationToken.None);

        var waiting = second.TakeAsync(CancellationToken.None);
        await Task.Delay(50);

        waiting.IsCompleted.Should().BeFalse("the server's 3 blocks are all queued, though this association has one left");
        server.InUse.Should().Be(3);
        first.Return();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        (first.InUse, second.InUse, server.InUse).Should().Be((1, 2, 3));
    }

    [Test]
    public async Task A_reader_cancelled_while_waiting_for_the_server_budget_gives_its_own_block_back()
    {
        using var server = new WriteBudget(1);
        using var first = new WriteBudget(2, server);
        using var second = new WriteBudget(2, server);
        await first.TakeAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = second.TakeAsync(cancel.Token);
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();
        (second.InUse, server.InUse).Should().Be((0, 1));
    }
}
