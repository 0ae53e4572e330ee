namespace Conformance.Harness.Matrix.Corpus;

/// <summary>
/// The objects the matrix sends, made once per run under <see cref="Root"/>: 20 MR images (timed series),
/// a CT and a secondary capture in every transfer syntax the peer images' tools can make, the query corpus,
/// and one large multi-frame object (fault cases). Made by <see cref="CorpusMaker"/>.
/// </summary>
public sealed class MatrixCorpus
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _bySyntax;

    internal MatrixCorpus(string root, IReadOnlyList<string> series, IReadOnlyDictionary<string, IReadOnlyList<string>> bySyntax, QueryCorpus query, string large, IReadOnlyList<string> notes)
    {
        Root = root;
        Series = series;
        _bySyntax = bySyntax;
        Query = query;
        LargeObject = large;
        Notes = notes;
    }

    /// <summary>Folder holding every file; toolboxes see it at /data/in.</summary>
    public string Root { get; }

    /// <summary>20 MR images (256x256, 16-bit, explicit VR little endian): the timed store cases and the reference pair.</summary>
    public IReadOnlyList<string> Series { get; }

    public QueryCorpus Query { get; }

    /// <summary>An ultrasound multi-frame object of about 60 MB: long enough on the wire to be interrupted.</summary>
    public string LargeObject { get; }

    /// <summary>What could not be made (e.g. a syntax no tool in the images writes), in plain words.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The objects in one syntax (empty when no tool could make it).</summary>
    public IReadOnlyList<string> InSyntax(SyntaxCase syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        return _bySyntax.TryGetValue(syntax.Name, out var files) ? files : [];
    }

    /// <summary>The path a toolbox container sees for a corpus file (the corpus is bound at /data/in).</summary>
    public string InContainer(string hostPath) => "/data/in/" + Path.GetRelativePath(Root, hostPath).Replace('\\', '/');
}
