using Switchboard.Core.Routing.Yaml;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Routing;

public static partial class RoutingConfigLoader
{
    private static EscalationMatrix? ReadMatrix(string yaml, TeamDirectory? teams, List<string> errors)
    {
        var before = errors.Count;
        var document = YamlConfig.Read<MatrixDocument>(yaml, MatrixName, errors);
        if (document is null)
        {
            return null;
        }

        var context = new MatrixContext(teams, errors);
        if (string.IsNullOrWhiteSpace(document.Version))
        {
            errors.Add($"{MatrixName}.version: required (it is written to the audit log with every decision)");
        }

        var visibility = ReadVisibility(document.Visibility, context);
        var overrides = ReadOverrides(document.Overrides, context);
        var intents = new Dictionary<string, IntentRoute>(StringComparer.Ordinal);
        var rows = document.Intents ?? [];
        foreach (var intent in Intents.All.Where(i => !rows.ContainsKey(i)))
        {
            errors.Add($"{MatrixName}.intents: intent '{intent}' has no row");
        }

        foreach (var (intent, row) in rows)
        {
            var path = $"{MatrixName}.intents.{intent}";
            if (!Intents.IsKnown(intent))
            {
                errors.Add($"{path}: unknown intent (known: {string.Join(", ", Intents.All)})");
                continue;
            }

            if (row is null)
            {
                errors.Add($"{path}: the row is empty");
                continue;
            }

            var baseRule = ReadRule(intent, row, null, path, context);
            var triggers = new List<SeverityTrigger>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (row.Triggers?.Count ?? 0); i++)
            {
                var trigger = row.Triggers![i];
                var triggerPath = $"{path}.triggers[{i}]";
                if (trigger is null)
                {
                    errors.Add($"{triggerPath}: the trigger is empty");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(trigger.Id) || !IdPattern().IsMatch(trigger.Id))
                {
                    errors.Add($"{triggerPath}.id: required, lower_snake_case");
                }
                else if (!ids.Add(trigger.Id))
                {
                    errors.Add($"{triggerPath}.id: '{trigger.Id}' is used twice in this intent");
                }

                var severities = CheckList(trigger.Severities, Severities.All, $"{triggerPath}.severities", "severity", errors);
                var flags = CheckList(trigger.Flags, RiskFlags.All, $"{triggerPath}.flags", "flag", errors);
                if (severities.Count == 0 && flags.Count == 0)
                {
                    errors.Add($"{triggerPath}: give severities, flags or both");
                }

                if (baseRule is not null)
                {
                    var rule = ReadRule($"{intent}/{trigger.Id}", trigger, baseRule, triggerPath, context);
                    if (rule is not null)
                    {
                        triggers.Add(new SeverityTrigger(trigger.Id ?? string.Empty, severities, flags, rule));
                    }
                }
            }

            if (baseRule is not null)
            {
                intents[intent] = new IntentRoute(intent, baseRule, triggers);
            }
        }

        return errors.Count == before
            ? new EscalationMatrix(document.Version!, intents, visibility, overrides)
            : null;
    }

    /// <summary>Reads a row; a trigger row inherits every field it does not set from <paramref name="inherit"/>.</summary>
    private static RouteRule? ReadRule(string id, RouteFieldsDocument row, RouteRule? inherit, string path, MatrixContext context)
    {
        var errors = context.Errors;
        var before = errors.Count;
        var owner = row.Owner ?? inherit?.Owner;
        if (string.IsNullOrWhiteSpace(owner))
        {
            errors.Add($"{path}.owner: required");
        }
        else
        {
            context.CheckTeam(owner, $"{path}.owner");
        }

        var publicMode = row.PublicMode ?? inherit?.PublicMode;
        CheckOneOf(publicMode, PublicResponseModes.All, $"{path}.publicMode", "public response mode", errors);
        var handoff = row.PrivateHandoff ?? inherit?.PrivateHandoff;
        CheckOneOf(handoff, PrivateHandoffs.All, $"{path}.privateHandoff", "private handoff", errors);

        var escalation = row.EscalationPath ?? inherit?.EscalationPath.ToList() ?? [];
        for (var i = 0; i < escalation.Count; i++)
        {
            context.CheckTeam(escalation[i], $"{path}.escalationPath[{i}]");
        }

        var filtered = row.Filtered ?? inherit?.Filtered ?? false;
        var firstResponse = row.FirstResponse is null ? inherit?.FirstResponse : ReadTarget(row.FirstResponse, $"{path}.firstResponse", errors);
        var resolution = row.Resolution is null ? inherit?.Resolution : ReadTarget(row.Resolution, $"{path}.resolution", errors);
        if (!filtered && row.FirstResponse is null && inherit is null)
        {
            errors.Add($"{path}.firstResponse: required unless the row is filtered");
        }

        if (!filtered && row.Resolution is null && inherit is null)
        {
            errors.Add($"{path}.resolution: required unless the row is filtered");
        }

        if (firstResponse?.Duration is { } first && resolution?.Duration is { } resolve && first > resolve)
        {
            errors.Add($"{path}.firstResponse: {firstResponse} is longer than the resolution target {resolution}");
        }

        var approval = row.Approval is null ? inherit?.Approval : ReadApproval(row.Approval, $"{path}.approval", errors);
        if (approval is null && row.Approval is null)
        {
            errors.Add($"{path}.approval: required");
        }

        if (errors.Count != before || owner is null || publicMode is null || handoff is null || approval is null)
        {
            return null;
        }

        return new RouteRule(
            id,
            owner,
            publicMode,
            handoff,
            escalation,
            firstResponse,
            resolution,
            approval,
            row.OneReplyPerCluster ?? inherit?.OneReplyPerCluster ?? false,
            filtered);
    }

    private static SlaTarget? ReadTarget(string text, string path, List<string> errors)
    {
        if (SlaTarget.TryParse(text, out var target))
        {
            return target;
        }

        errors.Add($"{path}: '{text}' is not a duration (use 15m, 1h, 2h30m, 3d or same_day)");
        return null;
    }

    private static ApprovalPolicy? ReadApproval(ApprovalDocument document, string path, List<string> errors)
    {
        var before = errors.Count;
        if (!CheckOneOf(document.Policy, ApprovalPolicyKinds.All, $"{path}.policy", "approval policy", errors))
        {
            return null;
        }

        if (document.Policy == ApprovalPolicyKinds.AutoSend)
        {
            if (document.MinConfidence is not { } min)
            {
                errors.Add($"{path}.minConfidence: required for auto_send");
            }
            else if (min is < 0 or > 1)
            {
                errors.Add($"{path}.minConfidence: {min} is not between 0 and 1");
            }
        }
        else if (document.MinConfidence is not null)
        {
            errors.Add($"{path}.minConfidence: only auto_send takes a confidence threshold");
        }

        if (document.Policy == ApprovalPolicyKinds.Role)
        {
            if (string.IsNullOrWhiteSpace(document.Role) || !IdPattern().IsMatch(document.Role))
            {
                errors.Add($"{path}.role: required for policy role (lower_snake_case role name)");
            }
        }
        else if (document.Role is not null)
        {
            errors.Add($"{path}.role: only policy role names a role");
        }

        return errors.Count == before ? new ApprovalPolicy(document.Policy!, document.MinConfidence, document.Role) : null;
    }

    private static VisibilityRules ReadVisibility(VisibilityDocument? document, MatrixContext context)
    {
        if (document is null)
        {
            return VisibilityRules.None;
        }

        var path = $"{MatrixName}.visibility";
        var errors = context.Errors;
        if (document.FollowerThreshold is <= 0)
        {
            errors.Add($"{path}.followerThreshold: must be positive");
        }

        if (document.RepliesPerHour is <= 0)
        {
            errors.Add($"{path}.repliesPerHour: must be positive");
        }

        if (document.RepostsPerHour is <= 0)
        {
            errors.Add($"{path}.repostsPerHour: must be positive");
        }

        var raise = CheckList(document.RaiseSeverityFor, RiskFlags.All, $"{path}.raiseSeverityFor", "flag", errors);
        var handles = (document.VipHandles ?? []).Where(h => !string.IsNullOrWhiteSpace(h)).Select(VisibilityRules.NormalizeHandle).ToHashSet(StringComparer.Ordinal);
        return new VisibilityRules(handles, document.FollowerThreshold, document.RepliesPerHour, document.RepostsPerHour, raise);
    }

    private static List<EscalationOverride> ReadOverrides(List<OverrideDocument>? documents, MatrixContext context)
    {
        var overrides = new List<EscalationOverride>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var errors = context.Errors;
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var document = documents![i];
            var path = $"{MatrixName}.overrides[{i}]";
            if (document is null)
            {
                errors.Add($"{path}: the override is empty");
                continue;
            }

            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(document.Id) || !IdPattern().IsMatch(document.Id))
            {
                errors.Add($"{path}.id: required, lower_snake_case");
            }
            else if (!ids.Add(document.Id))
            {
                errors.Add($"{path}.id: '{document.Id}' is used twice");
            }

            var flags = CheckList(document.Flags, RiskFlags.All, $"{path}.flags", "flag", errors);
            if (flags.Count == 0)
            {
                errors.Add($"{path}.flags: at least one flag is required");
            }

            var add = document.AddEscalation ?? [];
            for (var j = 0; j < add.Count; j++)
            {
                context.CheckTeam(add[j], $"{path}.addEscalation[{j}]");
            }

            var first = document.FirstResponse is null ? null : ReadTarget(document.FirstResponse, $"{path}.firstResponse", errors);
            var approval = document.Approval is null ? null : ReadApproval(document.Approval, $"{path}.approval", errors);
            if (document.PublicMode is not null)
            {
                CheckOneOf(document.PublicMode, PublicResponseModes.All, $"{path}.publicMode", "public response mode", errors);
            }

            if (errors.Count == before)
            {
                overrides.Add(new EscalationOverride(document.Id!, flags, add, first, approval, document.PublicMode));
            }
        }

        return overrides;
    }

    private static bool CheckOneOf(string? value, IReadOnlyList<string> allowed, string path, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: required ({string.Join(" | ", allowed)})");
            return false;
        }

        if (!allowed.Contains(value))
        {
            errors.Add($"{path}: '{value}' is not a {what} ({string.Join(" | ", allowed)})");
            return false;
        }

        return true;
    }

    private static List<string> CheckList(List<string>? values, IReadOnlyList<string> allowed, string path, string what, List<string> errors)
    {
        var result = new List<string>();
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var value = values![i];
            if (allowed.Contains(value))
            {
                result.Add(value);
            }
            else
            {
                errors.Add($"{path}[{i}]: '{value}' is not a {what} ({string.Join(" | ", allowed)})");
            }
        }

        return result;
    }

    private sealed record MatrixContext(TeamDirectory? Teams, List<string> Errors)
    {
        public void CheckTeam(string? team, string path)
        {
            // Without a valid teams file the team errors are already reported there; don't pile on.
            if (Teams is not null && (team is null || !Teams.Teams.ContainsKey(team)))
            {
                Errors.Add($"{path}: team '{team}' is not in the teams configuration ({string.Join(", ", Teams.Teams.Keys)})");
            }
        }
    }
}
