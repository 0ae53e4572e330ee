using Conformance.Dicom.Query;

namespace Conformance.Unit.Tests.Dicom.Query;

/// <summary>One test per matching rule of PS3.4 C.2.2.2.</summary>
public class KeyMatcherTests
{
    [Test]
    public void Universal_matching_an_empty_key_matches_everything_including_empty_values()
    {
        KeyMatcher.KindOf("LO", "").Should().Be(MatchKind.Universal);
        KeyMatcher.Matches("LO", "", "ANY").Should().BeTrue();
        KeyMatcher.Matches("DA", "", null).Should().BeTrue();
    }

    [Test]
    public void Single_value_matching_is_exact_and_case_sensitive_outside_PN()
    {
        KeyMatcher.KindOf("LO", "PAT1").Should().Be(MatchKind.SingleValue);
        KeyMatcher.Matches("LO", "PAT1", "PAT1").Should().BeTrue();
        KeyMatcher.Matches("LO", "PAT1", "pat1").Should().BeFalse();
        KeyMatcher.Matches("LO", "PAT1", "PAT10").Should().BeFalse();
    }

    [Test]
    public void Single_value_matching_ignores_padding()
    {
        KeyMatcher.Matches("SH", "ACC1 ", "ACC1").Should().BeTrue();
        KeyMatcher.Matches("UI", "1.2.3\0", "1.2.3").Should().BeTrue();
    }

    [Test]
    public void Person_names_match_case_insensitively()
    {
        KeyMatcher.Matches("PN", "DOE^JOHN", "Doe^John").Should().BeTrue();
        KeyMatcher.Matches("PN", "doe*", "DOE^JANE").Should().BeTrue();
    }

    [Test]
    public void Wildcard_star_matches_any_run_and_question_mark_one_character()
    {
        KeyMatcher.KindOf("PN", "DOE*").Should().Be(MatchKind.Wildcard);
        KeyMatcher.Matches("LO", "PAT*", "PATIENT7").Should().BeTrue();
        KeyMatcher.Matches("LO", "P?T1", "PAT1").Should().BeTrue();
        KeyMatcher.Matches("LO", "P?T1", "PAAT1").Should().BeFalse();
        KeyMatcher.Matches("LO", "*7", "PATIENT7").Should().BeTrue();
        KeyMatcher.Matches("LO", "*", "").Should().BeTrue();
        KeyMatcher.Matches("LO", "A*B*C", "AxxBxxC").Should().BeTrue();
        KeyMatcher.Matches("LO", "A*B*C", "AxxBxx").Should().BeFalse();
    }

    [Test]
    public void Wildcards_are_literal_characters_for_UIDs()
    {
        KeyMatcher.KindOf("UI", "1.2.*").Should().Be(MatchKind.SingleValue);
        KeyMatcher.Matches("UI", "1.2.*", "1.2.3").Should().BeFalse();
    }

    [Test]
    public void Date_range_with_both_bounds_is_inclusive()
    {
        KeyMatcher.KindOf("DA", "20200101-20201231").Should().Be(MatchKind.Range);
        KeyMatcher.Matches("DA", "20200101-20201231", "20200101").Should().BeTrue();
        KeyMatcher.Matches("DA", "20200101-20201231", "20201231").Should().BeTrue();
        KeyMatcher.Matches("DA", "20200101-20201231", "20210101").Should().BeFalse();
        KeyMatcher.Matches("DA", "20200101-20201231", "").Should().BeFalse();
    }

    [Test]
    public void Open_ranges_match_on_or_after_and_on_or_before()
    {
        KeyMatcher.Matches("DA", "20200101-", "20991231").Should().BeTrue();
        KeyMatcher.Matches("DA", "20200101-", "20191231").Should().BeFalse();
        KeyMatcher.Matches("DA", "-20200101", "19700101").Should().BeTrue();
        KeyMatcher.Matches("DA", "-20200101", "20200102").Should().BeFalse();
    }

    [Test]
    public void Time_range_upper_bound_covers_the_whole_of_its_last_unit()
    {
        KeyMatcher.Matches("TM", "0900-1000", "100059.5").Should().BeTrue();
        KeyMatcher.Matches("TM", "0900-1000", "100100").Should().BeFalse();
        KeyMatcher.Matches("TM", "0900-1000", "085959").Should().BeFalse();
    }

    [Test]
    public void Single_date_matches_exactly_also_in_the_ACR_NEMA_form()
    {
        KeyMatcher.Matches("DA", "20200315", "20200315").Should().BeTrue();
        KeyMatcher.Matches("DA", "2020.03.15", "20200315").Should().BeTrue();
        KeyMatcher.Matches("DA", "20200315", "20200316").Should().BeFalse();
    }

    [Test]
    public void UID_list_matches_any_listed_UID()
    {
        KeyMatcher.KindOf("UI", "1.2.3\\1.2.4").Should().Be(MatchKind.UidList);
        KeyMatcher.Matches("UI", "1.2.3\\1.2.4", "1.2.4").Should().BeTrue();
        KeyMatcher.Matches("UI", "1.2.3\\1.2.4", "1.2.5").Should().BeFalse();
    }

    [Test]
    public void Value_list_matches_any_listed_value_with_each_value_matched_by_its_own_rule()
    {
        KeyMatcher.KindOf("CS", "CT\\MR").Should().Be(MatchKind.List);
        KeyMatcher.Matches("CS", "CT\\MR", "MR").Should().BeTrue();
        KeyMatcher.Matches("LO", "A*\\B*", "BETA").Should().BeTrue();
        KeyMatcher.Matches("CS", "CT\\MR", "US").Should().BeFalse();
    }

    [Test]
    public void A_multi_valued_stored_value_matches_when_any_of_its_values_does()
    {
        KeyMatcher.Matches("CS", "MR", "CT\\MR").Should().BeTrue();
        KeyMatcher.Matches("CS", "US", "CT\\MR").Should().BeFalse();
    }

    [TestCase("IS", "1*", "12")]
    [TestCase("DS", "1.?", "1.5")]
    [TestCase("AS", "04?Y", "045Y")]
    public void Wildcards_are_literal_for_IS_DS_and_AS(string vr, string key, string value)
    {
        // PS3.4 C.2.2.2.4: no wild card matching for dates, times, binary numbers, DS, IS, AS and UI.
        KeyMatcher.KindOf(vr, key).Should().Be(MatchKind.SingleValue);
        KeyMatcher.Matches(vr, key, value).Should().BeFalse();
        KeyMatcher.Matches(vr, key, key).Should().BeTrue();
    }

    [Test]
    public void A_date_time_with_a_negative_UTC_offset_is_a_single_value_not_a_range()
    {
        KeyMatcher.KindOf("DT", "20240101120000-0500").Should().Be(MatchKind.SingleValue);
        KeyMatcher.Matches("DT", "20240101120000-0500", "20240101120000-0500").Should().BeTrue();
        KeyMatcher.Matches("DT", "20240101120000-0500", "20230101120000").Should().BeFalse("it is no range up to year 0500");
    }

    [Test]
    public void Date_time_ranges_still_work_with_offsets_on_their_bounds()
    {
        KeyMatcher.KindOf("DT", "20240101-20240131").Should().Be(MatchKind.Range);
        KeyMatcher.KindOf("DT", "20240101000000-0500-20240102000000-0500").Should().Be(MatchKind.Range);
        KeyMatcher.Matches("DT", "20240101000000-0500-20240102000000-0500", "20240101120000-0500").Should().BeTrue();
        KeyMatcher.Matches("DT", "20240101000000-0500-20240102000000-0500", "20240103120000").Should().BeFalse();
        KeyMatcher.KindOf("DT", "2023-2024").Should().Be(MatchKind.Range, "-2024 is no UTC offset (hours above 14)");
        KeyMatcher.Matches("DT", "2023-2024", "20230615").Should().BeTrue();
    }
}
