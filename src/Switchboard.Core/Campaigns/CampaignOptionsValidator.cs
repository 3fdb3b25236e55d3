using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Campaigns;

/// <summary>Loads every campaign folder at start and reports every problem in every one (ValidateOnStart).</summary>
internal sealed class CampaignOptionsValidator(IHostEnvironment environment) : IValidateOptions<CampaignOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ReminderConnector) != string.IsNullOrWhiteSpace(options.ReminderChannel))
        {
            return ValidateOptionsResult.Fail($"{CampaignOptions.Section}: set ReminderConnector and ReminderChannel together, or neither");
        }

        var folder = CampaignCatalog.ResolveFolder(options.Path, environment.ContentRootPath);
        if (folder is null)
        {
            // No campaigns folder is allowed (a deployment without campaigns); an explicit absolute path must exist.
            return System.IO.Path.IsPathRooted(options.Path)
                ? ValidateOptionsResult.Fail($"{CampaignOptions.Section}:Path: folder '{options.Path}' does not exist")
                : ValidateOptionsResult.Success;
        }

        var problems = Directory.EnumerateDirectories(folder)
            .Select(CampaignLoader.Load)
            .SelectMany(r => r.Problems.Select(p => $"campaigns: {p}"))
            .ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
