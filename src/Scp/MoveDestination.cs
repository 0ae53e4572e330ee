using System.Globalization;

namespace Conformance.Scp;

/// <summary>A known C-MOVE destination: AE title to host and port.</summary>
public sealed record MoveDestination(string AeTitle, string Host, int Port)
{
    /// <summary>Parses "AE=HOST:PORT" (the CLI's --move-dest).</summary>
    public static MoveDestination Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (equals <= 0 || colon <= equals + 1 || colon == text.Length - 1
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"Move destination '{text}' is not AE=HOST:PORT (port 1-65535).");
        }

        var ae = text[..equals].Trim();
        if (ae.Length is 0 or > 16)
        {
            throw new FormatException($"Move destination AE title '{ae}' must have 1 to 16 characters.");
        }

        return new MoveDestination(ae, text[(equals + 1)..colon], port);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AeTitle}={Host}:{Port}");
}
