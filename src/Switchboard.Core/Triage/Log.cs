using Microsoft.Extensions.Logging;

namespace Switchboard.Core.Triage;

/// <summary>Triage log messages. Never message text or personal data: versions and counts only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Triage engine ready: model {ModelVersion} ({ModelSource}), rules {RulesVersion} ({RuleCount} rules)")]
    public static partial void TriageEngineReady(this ILogger logger, string modelVersion, string modelSource, string rulesVersion, int ruleCount);
}
