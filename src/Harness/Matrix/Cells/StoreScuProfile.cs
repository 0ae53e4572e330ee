using Conformance.Harness.Matrix.Model;
using System.Text;
using Conformance.Harness.Matrix.Running;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// A DCMTK association negotiation profile (-xf) proposing exactly one transfer syntax for the corpus's SOP
/// classes (CT, MR, secondary capture): with storescu's default proposals an SCP may pick another syntax of a
/// context and storescu converts, so the object would not travel in its own syntax.
/// </summary>
public static class StoreScuProfile
{
    public const string Name = "OneSyntax";

    private static readonly string[] SopClasses = ["1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.7"];

    public static async Task<string> WriteAsync(CellContext context, string transferSyntaxUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder();
        text.Append("[[TransferSyntaxes]]\n[Only]\nTransferSyntax1 = ").Append(transferSyntaxUid).Append("\n\n[[PresentationContexts]]\n[Contexts]\n");
        for (var i = 0; i < SopClasses.Length; i++)
        {
            text.Append("PresentationContext").Append(i + 1).Append(" = ").Append(SopClasses[i]).Append("\\Only\n");
        }

        text.Append("\n[[Profiles]]\n[").Append(Name).Append("]\nPresentationContexts = Contexts\n");
        var path = Path.Combine(context.Folder("profile"), "storescu.cfg");
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken).ConfigureAwait(false);
        return path;
    }
}
