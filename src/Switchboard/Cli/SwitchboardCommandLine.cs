using System.CommandLine;

namespace Switchboard.Cli;

/// <summary>
/// The command line of the one Switchboard executable. With no verb it serves (the bot host and the
/// playground); every other verb is a small file in this folder that returns its <see cref="Command"/>.
/// </summary>
internal static class SwitchboardCommandLine
{
    public static RootCommand Build(string[] hostArgs)
    {
        var root = new RootCommand("Switchboard: social-care triage, routing and governed replies across Telegram, Discord, Slack and Teams.");
        root.TreatUnmatchedTokensAsErrors = false;
        Command[] verbs =
        [
            ServeVerb.Create(hostArgs),
            ReplayVerb.Create(),
            AuditVerb.Create(),
            CorrectionsVerb.Create(),
            CampaignVerb.Create(),
            StaffingVerb.Create(),
            KpiVerb.Create(),
            VersionVerb.Create(),
            TranscribeVerb.Create(),
            CardVerb.Create(),
            TriageVerb.Create(),
            TrainVerb.Create(),
            EvalVerb.Create(),
            CrossValidateVerb.Create(),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }

        // No verb means serve: `dotnet run --project src/Switchboard` starts the bot and the playground.
        root.SetAction((_, cancellationToken) => ServeVerb.RunAsync(hostArgs, cancellationToken));
        return root;
    }
}
