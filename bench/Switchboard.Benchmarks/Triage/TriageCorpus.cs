using System.Text.Json;

namespace Switchboard.Benchmarks.Triage;

/// <summary>
/// Messages to triage in benchmarks: the shared training file when it is beside the repository (real
/// texts of every intent and length), else a small built-in mix.
/// </summary>
internal static class TriageCorpus
{
    public static string[] Load(string? path = null)
    {
        path ??= FindShared();
        if (path is not null && File.Exists(path))
        {
            var texts = new List<string>();
            foreach (var line in File.ReadLines(path))
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("text", out var text) && text.GetString() is { } value)
                {
                    texts.Add(value);
                }
            }

            return [.. texts];
        }

        return
        [
            "@brand is your website down? checkout page just spins forever",
            "I was charged twice for my order #A123456, please refund to card 4111 1111 1111 1111",
            "😂😂😂",
            "tag 3 friends who need this 👇",
            "where is my parcel? tracking hasn't moved in 5 days",
            "@brand your support account just DMed me asking for my password, is that you?",
            "Hola, mi pedido todavía no ha llegado y nadie responde",
            "love the new update, great job team!",
        ];
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "triage-train.jsonl"));
            }
        }

        return null;
    }
}
