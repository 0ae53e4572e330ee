using Conformance.Dicom.Data;
using Conformance.Dicom.Query;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// One query of the matrix: model, level, the keys (built from the corpus, so UIDs are real), the character
/// set they are written in, and which corpus objects must match. The answers are judged by their unique keys
/// (exactly the expected entities, each once) and by every key's value against what was stored.
/// </summary>
public sealed record QueryCase(
    string Name,
    QueryModel Model,
    QueryLevel Level,
    Func<QueryCorpus, IReadOnlyList<QueryKeyValue>> Keys,
    Func<QueryCorpus, Func<QueryInstance, bool>> Matches)
{
    public string? CharacterSet { get; init; }

    public QuerySpec Spec(QueryCorpus corpus) => new(Model, Level, Keys(corpus)) { CharacterSet = CharacterSet };

    public IReadOnlyList<QueryInstance> Expected(QueryCorpus corpus) => corpus.EntitiesAt(Level, Matches(corpus));

    /// <summary>Checks the answers (as data sets); returns a one-line summary.</summary>
    public string Check(QueryCorpus corpus, IReadOnlyList<DicomDataset> answers, string who)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Check(corpus, answers.Select(a => (IReadOnlyDictionary<string, string>)Values(a)).ToList(), who);
    }

    /// <summary>Checks the answers (keyword -> value); returns a one-line summary.</summary>
    public string Check(QueryCorpus corpus, IReadOnlyList<IReadOnlyDictionary<string, string>> answers, string who)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(answers);
        var unique = QueryCorpus.UniqueKey(Level);
        var expected = Expected(corpus);
        Expect.SameSet(expected.Select(e => e[unique]), answers.Select(a => a.GetValueOrDefault(unique, "")), $"{who}: {unique} of the {Level.ToDicom()} answers to {Name}");
        foreach (var answer in answers)
        {
            var entity = expected.First(e => e[unique] == answer[unique]);
            foreach (var key in Keys(corpus).Where(k => QueryInstance.Keywords.Contains(k.Keyword)))
            {
                var got = answer.GetValueOrDefault(key.Keyword);
                Expect.That(got == entity[key.Keyword], $"{who}: {key.Keyword} of {answer[unique]} is {(got is null ? "missing" : $"'{got}'")}, stored '{entity[key.Keyword]}'");
            }
        }

        return $"{answers.Count} {Level.ToDicom()} answer(s), keys and values as stored";
    }

    private static Dictionary<string, string> Values(DicomDataset answer)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyword in QueryInstance.Keywords)
        {
            if (answer.TryGetString(DicomTag.FromKeyword(keyword), out var value))
            {
                values[keyword] = value.TrimEnd(' ', '\0');
            }
        }

        return values;
    }

    public override string ToString() => Name;
}
