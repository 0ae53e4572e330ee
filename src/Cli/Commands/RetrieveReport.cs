using Conformance.Cli.Hosting;
using Conformance.Cli.Output;
using Conformance.Dicom.Network.Services.Scu;

namespace Conformance.Cli.Commands;

/// <summary>What `move` and `get` print: each pending response in order, then the final counts and status.</summary>
internal static class RetrieveReport
{
    public static OrderedProgress<RetrieveProgress> Progress(TextWriter output) =>
        new(output, (_, p) => $"pending: remaining {p.Remaining}, completed {p.Completed}, failed {p.Failed}, warning {p.Warning}");

    public static async Task<int> WriteAsync(TextWriter output, TextWriter error, string operation, RetrieveResult result)
    {
        await output.WriteLineAsync($"{operation}: final status {result.Status}: completed {result.Completed}, failed {result.Failed}, warning {result.Warning}, " +
                                    $"{result.PendingResponses} pending response(s), {result.Elapsed.TotalMilliseconds:0.0} ms").ConfigureAwait(false);
        foreach (var uid in result.FailedSopInstanceUids)
        {
            await error.WriteLineAsync($"failed instance: {uid}").ConfigureAwait(false);
        }

        if (!result.Status.IsSuccess)
        {
            await error.WriteLineAsync($"{operation} did not fully succeed: {result.Status} {result.ErrorComment}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
