using System.Globalization;
using Switchboard.Core.Campaigns.Yaml;

namespace Switchboard.Core.Campaigns;

/// <summary>Checks the factsheet and checklist documents and builds the <see cref="Campaign"/>; every problem is recorded with its path.</summary>
internal sealed class CampaignValidator(List<CampaignProblem> problems)
{
    private const string F = CampaignLoader.FactsheetFile;
    private const string C = CampaignLoader.ChecklistFile;

    public Campaign? Build(string folderName, string folder, FactsheetDocument f, ChecklistDocument? c)
    {
        var name = Required(f.Name, $"{F}: name");
        if (name is not null && !string.Equals(name, folderName, StringComparison.Ordinal))
        {
            Problem($"{F}: name", $"'{name}' must match the folder name '{folderName}'");
        }

        var title = Required(f.Title, $"{F}: title");
        var goLive = Time(f.GoLive, $"{F}: goLive", required: true);
        var summary = Required(f.Offer?.Summary, $"{F}: offer.summary");
        if (f.Offer?.Terms is not { Count: > 0 })
        {
            Problem($"{F}: offer.terms", "list at least one offer term");
        }

        var landing = Required(f.LandingPage, $"{F}: landingPage");
        if (landing is not null && (!Uri.TryCreate(landing, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            Problem($"{F}: landingPage", $"'{landing}' is not an absolute https URL");
        }

        var codes = PromoCodes(f.PromoCodes);
        var creators = Creators(f.Creators);
        var schedule = Schedule(f.Schedule, creators);
        var usageRights = Required(f.UsageRights, $"{F}: usageRights");
        var whitelisting = Whitelisting(f.Whitelisting, creators);
        var exclusivity = Exclusivity(f.Exclusivity);
        var disclosure = f.Disclosure?.Required?.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToArray() ?? [];
        if (disclosure.Length == 0)
        {
            Problem($"{F}: disclosure.required", "give the disclosure wording creator posts must carry (e.g. \"#ad\")");
        }

        var contact = Contact(f.CreatorEscalationContact);
        var questions = Questions(f.TopQuestions);
        var roi = Roi(f.Roi);
        var checklist = c is null ? [] : Checklist(c.Tasks);

        if (problems.Count > 0)
        {
            return null;
        }

        return new Campaign(
            name!, folder, title!, goLive!.Value, summary!, f.Offer!.Terms!, codes, landing!, f.InventoryNotes, creators, schedule,
            usageRights!, whitelisting, exclusivity, disclosure, contact, questions, roi, checklist);
    }

    private List<PromoCode> PromoCodes(List<PromoCodeDocument>? documents)
    {
        var codes = new List<PromoCode>();
        if (documents is not { Count: > 0 })
        {
            Problem($"{F}: promoCodes", "list at least one promo code");
            return codes;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var path = $"{F}: promoCodes[{i}]";
            var code = Required(d.Code, $"{path}.code");
            if (code is not null && !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            {
                Problem($"{path}.code", $"'{code}' may hold only letters, digits, - and _");
            }

            if (code is not null && !seen.Add(code))
            {
                Problem($"{path}.code", $"'{code}' is listed twice");
            }

            var from = Time(d.ValidFrom, $"{path}.validFrom", required: true);
            var until = Time(d.ValidUntil, $"{path}.validUntil", required: true);
            if (from is { } a && until is { } b && b <= a)
            {
                Problem($"{path}.validUntil", "must be after validFrom");
            }

            if (d.RedemptionLimit is <= 0)
            {
                Problem($"{path}.redemptionLimit", "must be a positive number");
            }

            if (d.RedemptionsReported is < 0)
            {
                Problem($"{path}.redemptionsReported", "cannot be negative");
            }

            if (d.RedemptionsReported is not null && d.RedemptionLimit is null)
            {
                Problem($"{path}.redemptionsReported", "given without a redemptionLimit to compare it with");
            }

            var reportedAt = Time(d.RedemptionsReportedAt, $"{path}.redemptionsReportedAt", required: false);
            if (code is not null && from is not null && until is not null)
            {
                codes.Add(new PromoCode(code, d.Description, from.Value, until.Value, d.RedemptionLimit, d.RedemptionsReported, reportedAt, d.Stackable));
            }
        }

        return codes;
    }

    private List<CampaignCreator> Creators(List<CreatorDocument>? documents)
    {
        var creators = new List<CampaignCreator>();
        if (documents is not { Count: > 0 })
        {
            Problem($"{F}: creators", "list at least one creator");
            return creators;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var path = $"{F}: creators[{i}]";
            var name = Required(d.Name, $"{path}.name");
            var handle = Required(d.Handle, $"{path}.handle");
            if (handle is not null && (!handle.StartsWith('@') || handle.Length < 2 || handle.Any(char.IsWhiteSpace)))
            {
                Problem($"{path}.handle", $"'{handle}' must start with @ and hold no spaces");
            }

            if (name is not null && handle is not null)
            {
                creators.Add(new CampaignCreator(name, handle, d.Platforms ?? []));
            }
        }

        return creators;
    }

    private List<ScheduledPost> Schedule(List<ScheduledPostDocument>? documents, List<CampaignCreator> creators)
    {
        var posts = new List<ScheduledPost>();
        if (documents is not { Count: > 0 })
        {
            Problem($"{F}: schedule", "list at least one scheduled post");
            return posts;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var path = $"{F}: schedule[{i}]";
            var at = Time(d.At, $"{path}.at", required: true);
            var creator = Required(d.Creator, $"{path}.creator");
            if (creator is not null && creators.Count > 0 && !creators.Any(c => string.Equals(c.Handle, creator, StringComparison.OrdinalIgnoreCase)))
            {
                Problem($"{path}.creator", $"'{creator}' is not one of the creators' handles");
            }

            var platform = Required(d.Platform, $"{path}.platform");
            if (d.ExpectedReach is null or < 0)
            {
                Problem($"{path}.expectedReach", "give the expected reach (0 or more)");
            }

            if (at is not null && creator is not null && platform is not null && d.ExpectedReach is >= 0)
            {
                posts.Add(new ScheduledPost(at.Value, creator, platform, d.ExpectedReach.Value, d.PaidBoost, d.Whitelisted));
            }
        }

        return posts.OrderBy(p => p.At).ToList();
    }

    private string Whitelisting(WhitelistingDocument? d, List<CampaignCreator> creators)
    {
        if (d is null)
        {
            Problem($"{F}: whitelisting", "say whether ads run through creator handles (enabled: true/false)");
            return string.Empty;
        }

        var handles = d.Handles ?? [];
        if (d.Enabled && handles.Count == 0)
        {
            Problem($"{F}: whitelisting.handles", "whitelisting is enabled: list the creator handles the ads run through");
        }

        for (var i = 0; i < handles.Count; i++)
        {
            if (!creators.Any(c => string.Equals(c.Handle, handles[i], StringComparison.OrdinalIgnoreCase)))
            {
                Problem($"{F}: whitelisting.handles[{i}]", $"'{handles[i]}' is not one of the creators' handles");
            }
        }

        return d.Enabled ? $"Yes, through {string.Join(", ", handles)}" + (d.Notes is null ? string.Empty : $". {d.Notes}") : "No";
    }

    private string Exclusivity(ExclusivityDocument? d)
    {
        if (d is null)
        {
            Problem($"{F}: exclusivity", "give the exclusivity window (from, until)");
            return string.Empty;
        }

        var from = Time(d.From, $"{F}: exclusivity.from", required: true);
        var until = Time(d.Until, $"{F}: exclusivity.until", required: true);
        if (from is { } a && until is { } b && b <= a)
        {
            Problem($"{F}: exclusivity.until", "must be after exclusivity.from");
        }

        return from is { } x && until is { } y
            ? string.Create(CultureInfo.InvariantCulture, $"{x:yyyy-MM-dd} to {y:yyyy-MM-dd}") + (d.Notes is null ? string.Empty : $". {d.Notes}")
            : string.Empty;
    }

    private string Contact(ContactDocument? d)
    {
        if (d is null)
        {
            Problem($"{F}: creatorEscalationContact", "give the creators' escalation contact (name and handle or email)");
            return string.Empty;
        }

        var name = Required(d.Name, $"{F}: creatorEscalationContact.name");
        if (string.IsNullOrWhiteSpace(d.Handle) && string.IsNullOrWhiteSpace(d.Email))
        {
            Problem($"{F}: creatorEscalationContact", "give a handle or an email");
        }

        return string.Join(", ", new[] { name, d.Role, d.Handle, d.Email }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    private List<ApprovedAnswer> Questions(List<QuestionDocument>? documents)
    {
        var answers = new List<ApprovedAnswer>();
        if (documents is not { Count: > 0 })
        {
            Problem($"{F}: topQuestions", "list the top questions with their approved answers");
            return answers;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var question = Required(documents[i].Question, $"{F}: topQuestions[{i}].question");
            var answer = Required(documents[i].Answer, $"{F}: topQuestions[{i}].answer");
            if (question is not null && answer is not null)
            {
                answers.Add(new ApprovedAnswer(question, documents[i].Keywords ?? [], answer));
            }
        }

        return answers;
    }

    private RoiInputs? Roi(RoiDocument? d)
    {
        if (d is null)
        {
            return null;
        }

        void NotNegative(decimal? value, string key)
        {
            if (value is < 0)
            {
                Problem($"{F}: roi.{key}", "cannot be negative");
            }
        }

        NotNegative(d.Spend, "spend");
        NotNegative(d.Impressions, "impressions");
        NotNegative(d.Views, "views");
        NotNegative(d.Conversions, "conversions");
        NotNegative(d.AssistedPurchases, "assistedPurchases");
        NotNegative(d.AverageOrderValue, "averageOrderValue");
        NotNegative(d.RefundsAvoided, "refundsAvoided");
        NotNegative(d.SupportCost, "supportCost");
        if (d.AssistedPurchases is not null && d.AverageOrderValue is null)
        {
            Problem($"{F}: roi.averageOrderValue", "needed with assistedPurchases to compute revenue assisted");
        }

        return new RoiInputs(d.Currency ?? string.Empty, d.Spend, d.Impressions, d.Views, d.Conversions, d.AssistedPurchases, d.AverageOrderValue, d.RefundsAvoided, d.SupportCost);
    }

    private List<ChecklistItem> Checklist(List<ChecklistTaskDocument>? tasks)
    {
        var items = new List<ChecklistItem>();
        if (tasks is not { Count: > 0 })
        {
            Problem($"{C}: tasks", "list at least one task");
            return items;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            var path = $"{C}: tasks[{i}]";
            var id = Required(t.Id, $"{path}.id");
            if (id is not null && !ids.Add(id))
            {
                Problem($"{path}.id", $"'{id}' is used twice");
            }

            var phase = Required(t.Phase, $"{path}.phase");
            if (phase is not null && !CampaignPhases.All.Contains(phase))
            {
                Problem($"{path}.phase", $"'{phase}' is not one of {string.Join(", ", CampaignPhases.All)}");
            }

            var task = Required(t.Task, $"{path}.task");
            var owner = Required(t.Owner, $"{path}.owner");
            var deliverable = Required(t.Deliverable, $"{path}.deliverable");
            var due = Required(t.Due, $"{path}.due");
            var offset = TimeSpan.Zero;
            if (due is not null && !DueOffset.TryParse(due, out offset))
            {
                Problem($"{path}.due", $"'{due}' is not a due time like T-24h, T-1h, T0, T+2h or T+1d");
            }
            else if (phase == CampaignPhases.PreLaunch && offset > TimeSpan.Zero)
            {
                Problem($"{path}.due", $"a pre-launch task cannot be due after go-live ({due})");
            }
            else if (phase == CampaignPhases.PostLaunch && offset < TimeSpan.Zero)
            {
                Problem($"{path}.due", $"a post-launch task cannot be due before go-live ({due})");
            }

            if (id is not null && phase is not null && task is not null && owner is not null && deliverable is not null && due is not null)
            {
                items.Add(new ChecklistItem(id, phase, task, owner, deliverable, due, offset));
            }
        }

        return items;
    }

    private string? Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(path, "is required");
            return null;
        }

        return value.Trim();
    }

    private DateTimeOffset? Time(string? value, string path, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Problem(path, "is required (UTC time like 2026-11-20T18:00:00Z)");
            }

            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && (value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 9))
        {
            return at;
        }

        Problem(path, $"'{value}' is not a time with an offset like 2026-11-20T18:00:00Z");
        return null;
    }

    private void Problem(string path, string message) => problems.Add(new CampaignProblem(path, message));
}
