using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Dates of birth (<see cref="PiiType.DateOfBirth"/>): a full date (numeric, written out in English, German, French,
/// Spanish, Italian, Portuguese or Dutch, or in Chinese/Japanese/Korean form) right after a birth word (<c>date of
/// birth</c>, <c>DOB</c>, <c>born</c>, <c>birthday</c>, <c>Geburtsdatum</c>, <c>née le</c>, <c>生年月日</c>, ...) with only
/// short glue words between (<c>is</c>, <c>was</c>, <c>on the</c>, <c>:</c>), or right before <c>geboren</c>. Dates
/// elsewhere (orders, invoices, warranties, "birthday coupon expired on …") and dates without a year stay; so does a
/// lone year ("born in 1932").
/// </summary>
internal static partial class DatesOfBirth
{
    private const int Window = 60;

    /// <summary>Adds the date-of-birth candidates of <paramref name="text"/> to <paramref name="into"/>.</summary>
    public static void AddCandidates(List<PiiFinding> into, string text)
    {
        foreach (Match m in Date().Matches(text))
        {
            var from = Math.Max(0, m.Index - Window);
            var before = text[from..m.Index];
            var context = BirthWord().Matches(before);
            var glued = context.Count > 0 && Glue().IsMatch(before[(context[^1].Index + context[^1].Length)..]);
            if (glued || BornAfter().IsMatch(text, m.Index + m.Length))
            {
                into.Add(new PiiFinding(PiiType.DateOfBirth, m.Index, m.Length, m.Value));
            }
        }
    }

    private const string Months =
        "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|" +
        "Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|" +
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|" +
        "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|" +
        "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|juni|juli|augustus|oktober";

    [GeneratedRegex(@"(?<![\p{L}\p{N}./-])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}\.[ \t]\d{1,2}\.[ \t]\d{4}|\d{1,2}(?:st|nd|rd|th|er|\.|º)?(?:[ \t]+of)?[ \t]+(?:de[ \t]+)?(?:" + Months + @")\.?,?(?:[ \t]+de)?[ \t]+\d{4}|(?:" + Months + @")\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}-(?:" + Months + @")-\d{4}|\d{4}年\d{1,2}月\d{1,2}日|\d{4}년[ \t]*\d{1,2}월[ \t]*\d{1,2}일)(?![\p{L}\p{N}]|[./-]\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"(?<![\p{L}])(?:date of birth|birth ?date|birth-date|birthday|born|d\.o\.b\.?|dob|geburtsdatum|geb\.-datum|geb\.|geburtstag|geboren|date de naissance|née?|anniversaire|fecha de nacimiento|nacid[oa]|data di nascita|nat[oa]|geboortedatum|data urodzenia|urodzon[ya]|ur\.|nar\.|narozen[a]?|datum narození|data de nascimento|nascid[oa]|födelsedatum|född|fødselsdato|født|syntymäaika|syntynyt|doğum tarihi|doğum|дата рождения|родил(?:ся|ась)|дата народження|народи(?:вся|лася)|ημερομηνία γέννησης|γεννήθηκα|生年月日|出生日期|出生年月日|생년월일|تاريخ الميلاد|تاريخ الولادة)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BirthWord();

    // Between the birth word and the date: punctuation and short words only ("is", "was", "on the", "as", "auf den", "es el").
    [GeneratedRegex(@"^[ \t]*(?:(?:[:：(,;=–-]|(?:is|was|as|on|of|the|at|to|be|am|are|given|stated|entered|typed|type|enter|put|wrote|says|said|shows|show|listed|set|should|would|must|it|i|we|my|his|her|their|our|your|correct|corrected|changed|update|updated|confirm|confirmed|verified|policy|file|form|record|account|profile|system|passport|licen[cs]e|id|with|ist|war|lautet|auf|den|dem|le|la|el|es|est|il|de|del|du|mein|meine|mon|ma|mi|sa|son|su|seu|sua|que|och|er|op|y|e|é|è)(?![\p{L}]))[ \t]*)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Glue();

    [GeneratedRegex(@"\G[ \t]+(?:geboren|born)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BornAfter();
}
