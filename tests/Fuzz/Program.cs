using Conformance.Fuzz;
using Conformance.Fuzz.Targets;
using SharpFuzz;

// Conformance.Fuzz fuzz TARGET          run under afl-fuzz (input on stdin; SharpFuzz's out-of-process fork server)
// Conformance.Fuzz replay TARGET PATH.. run files (or every file of folders) once each; exit 1 if any escapes
// Conformance.Fuzz seeds DIR            write the seed corpus
// Conformance.Fuzz list                 the targets
switch (args)
{
    case ["fuzz", var name]:
        var target = FuzzTargets.Find(name);
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target.Run(memory.GetBuffer().AsSpan(0, (int)memory.Length));
        });
        return 0;
    case ["replay", var name, .. var paths] when paths.Length > 0:
        return Replay.Run(FuzzTargets.Find(name), paths);
    case ["seeds", var directory]:
        SeedCorpus.Write(directory);
        return 0;
    case ["list"]:
        foreach (var t in FuzzTargets.All)
        {
            Console.WriteLine($"{t.Name}\t{t.Description}");
        }

        return 0;
    default:
        Console.Error.WriteLine("usage: Conformance.Fuzz fuzz TARGET | replay TARGET PATH... | seeds DIR | list");
        return 4;
}
