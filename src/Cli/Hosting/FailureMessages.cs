using System.Net.Sockets;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Services.Scu;

namespace Conformance.Cli.Hosting;

/// <summary>
/// Turns what a command threw into an exit code and a message for the user. Only types of the
/// protocol stack and the base library appear here: this class is compiled for every command, and a
/// harness type in a catch would load the Docker libraries into `conformance echo`.
/// </summary>
internal static class FailureMessages
{
    public static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        CliException cli => (cli.ExitCode, cli.Message),
        AssociationRejectedException rejected => (ExitCodes.Network, $"association rejected: {rejected.Rejection}"),
        DicomNetworkException network => (ExitCodes.Network, network.Message),
        NoAcceptedContextException noContext => (ExitCodes.Network, noContext.Message),
        SocketException socket => (ExitCodes.Network, socket.Message),
        DimseStatusException status => (ExitCodes.Failed, status.Message),
        UnauthorizedAccessException denied => (ExitCodes.Usage, $"permission denied: {denied.Message}"),
        DirectoryNotFoundException or FileNotFoundException => (ExitCodes.Usage, exception.Message),
        IOException io => (ExitCodes.Failed, io.Message),
        _ => (ExitCodes.Internal, $"internal error, please report it with the command line: {exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>The message's first line; further lines (a log tail) are kept, indented, for environment failures only.</summary>
    public static IEnumerable<string> Lines(int code, string message)
    {
        var lines = message.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return ["failed"];
        }

        return code == ExitCodes.Environment
            ? [lines[0], .. lines.Skip(1).Select(line => "  " + line)]
            : [string.Join(" ", lines.Select(line => line.Trim()))];
    }
}
