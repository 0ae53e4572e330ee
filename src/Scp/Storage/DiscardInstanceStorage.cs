using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Scp.Storage;

/// <summary>Counts bytes and keeps nothing (receive-throughput measurements); instances cannot be retrieved.</summary>
public sealed class DiscardInstanceStorage : IInstanceStorage
{
    public string Description => "discard";

    public bool CanRead => false;

    public bool WritesToDevice => false;

    public ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IncomingInstance>(new DiscardIncomingInstance());

    public Stream OpenRead(string location) =>
        throw new NotSupportedException("The discard storage keeps no instances to read.");

    private sealed class DiscardIncomingInstance : IncomingInstance
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            Length += data.Length;
            return ValueTask.CompletedTask;
        }

        public override ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken) => ValueTask.FromResult("discard:");

        public override void Commit()
        {
        }

        public override void Revert()
        {
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
