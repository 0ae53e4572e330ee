namespace Conformance.Dicom.Network.Association;

/// <summary>
/// A pending ReceiveAsync call. The reader loop takes it when a command set completes; a caller's
/// cancellation or DIMSE timeout only wins while it is still pending, so a message whose data is
/// already streaming into the chosen sink is never cut off half-way.
/// </summary>
internal sealed class ReceiveRequest(Func<IncomingCommand, IMessageDataSink> chooseSink)
{
    private const int Pending = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private readonly TaskCompletionSource<IncomingMessage?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public Func<IncomingCommand, IMessageDataSink> ChooseSink { get; } = chooseSink;

    public Task<IncomingMessage?> Task => _completion.Task;

    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Pending) == Pending;

    public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Pending) == Pending;

    public void Complete(IncomingMessage? message) => _completion.TrySetResult(message);

    public void Fail(Exception reason) => _completion.TrySetException(reason);
}
