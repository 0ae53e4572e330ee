using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

public sealed partial class DimseChannel
{
    /// <summary>
    /// One received command as the reader sees it (requests' operations are cancelled with <paramref name="serving"/>): parsed once (when its data set starts, or after it arrived when it
    /// has none), a request admitted before its data set is read, so a refused one's data is dropped, never stored.
    /// </summary>
    private sealed class ReceivedCommand(DimseChannel channel, CancellationToken serving)
    {
        public DimseMessage? Message { get; private set; }

        public DimseFormatException? Error { get; private set; }

        public Admission? Admission { get; private set; }

        public IMessageDataSink ChooseSink(IncomingCommand command)
        {
            Parse(command.CommandSet.Span, command.PresentationContext);
            return Message switch
            {
                DimseResponse => new MemoryDataSink(),
                DimseRequest request when Admission?.Operation is not null => channel._handler.ChooseSink(channel, request, command),
                _ => DiscardDataSink.Instance,
            };
        }

        public void ParseIfNeeded(ReadOnlySpan<byte> commandSet, NegotiatedPresentationContext context)
        {
            if (Message is null && Error is null)
            {
                Parse(commandSet, context);
            }
        }

        private void Parse(ReadOnlySpan<byte> commandSet, NegotiatedPresentationContext context)
        {
            try
            {
                Message = DimseMessageReader.Read(commandSet);
            }
            catch (DimseFormatException ex)
            {
                Error = ex;
                return;
            }

            if (Message is DimseRequest request)
            {
                Admission = channel.Admit(request, context, serving);
            }
        }
    }
}
