using System.Text.RegularExpressions;

namespace Switchboard.Core.Triage.Rules;

/// <summary>A compiled configured personal-data pattern.</summary>
internal sealed record PiiPattern(string Id, string Type, Regex Regex);
