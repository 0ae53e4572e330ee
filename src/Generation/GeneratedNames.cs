namespace Conformance.Generation;

/// <summary>
/// Person names for generated patients and staff. Plain modalities use the default repertoire;
/// RICH uses names that need ISO_IR 192 (UTF-8): Latin with diacritics, Greek, Cyrillic, and a
/// Japanese name with its ideographic and phonetic component groups (PS3.5 6.2.1.1).
/// </summary>
internal static class GeneratedNames
{
    private static readonly string[] Plain =
    [
        "DOE^JANE", "SMITH^JOHN", "GARCIA^MARIA", "NGUYEN^AN", "OKAFOR^CHIDI",
        "JOHANSSON^ERIK", "ROSSI^GIULIA", "COHEN^DAVID", "TANAKA^HANA", "MULLER^KLAUS",
    ];

    private static readonly string[] Utf8 =
    [
        "Müller^Jürgen",
        "Ærøskøbing^Søren",
        "Ελευθερίου^Σοφία",
        "Иванова^Наталья",
        "Yamada^Tarou=山田^太郎=やまだ^たろう",
        "Dvořák^Antonín",
        "Łukasiewicz^Zoë",
    ];

    public static string Patient(bool rich, int patientIndex)
    {
        var names = rich ? Utf8 : Plain;
        return names[patientIndex % names.Length];
    }

    public static string Physician(bool rich, int studyIndex) =>
        rich ? (studyIndex % 2 == 0 ? "Øster^Åsa^^Dr." : "Gómez^José^^Dr.") : "HOUSE^GREGORY^^DR";
}
