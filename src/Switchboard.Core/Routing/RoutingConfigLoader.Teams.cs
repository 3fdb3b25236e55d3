using System.Globalization;
using NodaTime;
using Switchboard.Core.Connectors;
using Switchboard.Core.Routing.Sla;
using Switchboard.Core.Routing.Yaml;

namespace Switchboard.Core.Routing;

public static partial class RoutingConfigLoader
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static TeamDirectory? ReadTeams(string yaml, List<string> errors)
    {
        var before = errors.Count;
        var document = YamlConfig.Read<TeamsDocument>(yaml, TeamsName, errors);
        if (document is null)
        {
            return null;
        }

        if (document.Teams is not { Count: > 0 })
        {
            errors.Add($"{TeamsName}: at least one team is required");
            return null;
        }

        var teams = new Dictionary<string, TeamDefinition>(StringComparer.Ordinal);
        foreach (var (name, team) in document.Teams)
        {
            var path = $"{TeamsName}.{name}";
            if (!IdPattern().IsMatch(name))
            {
                errors.Add($"{path}: team names are lower_snake_case");
            }

            if (team is null)
            {
                errors.Add($"{path}: the team is empty");
                continue;
            }

            var hours = ReadHours(team, path, errors);
            var channels = new List<ChannelAddress>();
            if (team.Channels is not { Count: > 0 })
            {
                errors.Add($"{path}.channels: at least one review channel is required");
            }
            else
            {
                for (var i = 0; i < team.Channels.Count; i++)
                {
                    var channel = team.Channels[i];
                    var channelPath = $"{path}.channels[{i}]";
                    if (string.IsNullOrWhiteSpace(channel?.Connector))
                    {
                        errors.Add($"{channelPath}.connector: required");
                    }

                    if (string.IsNullOrWhiteSpace(channel?.ChannelId))
                    {
                        errors.Add($"{channelPath}.channelId: required");
                    }

                    if (channel is { Connector: { } connector, ChannelId: { } channelId })
                    {
                        channels.Add(new ChannelAddress(connector, channelId, channel.ThreadId));
                    }
                }
            }

            if (hours is not null)
            {
                teams[name] = new TeamDefinition(name, team.DisplayName ?? name, channels, hours);
            }
        }

        return errors.Count == before ? new TeamDirectory(teams) : null;
    }

    private static BusinessHours? ReadHours(TeamDocument team, string path, List<string> errors)
    {
        DateTimeZone? zone = null;
        if (string.IsNullOrWhiteSpace(team.TimeZone))
        {
            errors.Add($"{path}.timeZone: required (an IANA time zone such as Europe/Berlin)");
        }
        else
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(team.TimeZone);
            if (zone is null)
            {
                errors.Add($"{path}.timeZone: '{team.TimeZone}' is not an IANA time zone");
            }
        }

        if (team.AlwaysOpen == true)
        {
            if (team.Hours is { Count: > 0 })
            {
                errors.Add($"{path}.hours: give either alwaysOpen: true or hours, not both");
            }

            return zone is null ? null : BusinessHours.AlwaysOpen(zone);
        }

        if (team.Hours is not { Count: > 0 })
        {
            errors.Add($"{path}.hours: required unless alwaysOpen is true");
            return null;
        }

        var week = new Dictionary<IsoDayOfWeek, List<OpenInterval>>();
        var ok = true;
        foreach (var (daySpec, rangeSpec) in team.Hours)
        {
            var hoursPath = $"{path}.hours.{daySpec}";
            var days = ParseDays(daySpec);
            if (days is null)
            {
                errors.Add($"{hoursPath}: '{daySpec}' is not a day or day range (mon, mon-fri, sat-sun)");
                ok = false;
                continue;
            }

            var intervals = ParseIntervals(rangeSpec);
            if (intervals is null)
            {
                errors.Add($"{hoursPath}: '{rangeSpec}' is not a list of HH:mm-HH:mm ranges");
                ok = false;
                continue;
            }

            foreach (var day in days)
            {
                if (!week.TryGetValue(day, out var list))
                {
                    week[day] = list = [];
                }

                list.AddRange(intervals);
            }
        }

        foreach (var (day, intervals) in week)
        {
            var sorted = intervals.OrderBy(i => i.StartMinute).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].StartMinute < sorted[i - 1].EndMinute)
                {
                    errors.Add($"{path}.hours: ranges overlap on {DayNames[(int)day - 1]}");
                    ok = false;
                    break;
                }
            }
        }

        if (!ok || zone is null)
        {
            return null;
        }

        return new BusinessHours(zone, week.ToDictionary(d => d.Key, d => (IReadOnlyList<OpenInterval>)d.Value));
    }

    private static List<IsoDayOfWeek>? ParseDays(string spec)
    {
        var parts = spec.Trim().ToLowerInvariant().Split('-');
        var first = Array.IndexOf(DayNames, parts[0]);
        var last = parts.Length == 2 ? Array.IndexOf(DayNames, parts[1]) : first;
        if (parts.Length > 2 || first < 0 || last < first)
        {
            return null;
        }

        return Enumerable.Range(first, last - first + 1).Select(i => (IsoDayOfWeek)(i + 1)).ToList();
    }

    private static List<OpenInterval>? ParseIntervals(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return null;
        }

        var intervals = new List<OpenInterval>();
        foreach (var range in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = range.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || ParseMinute(ends[0]) is not { } start || ParseMinute(ends[1]) is not { } end || end <= start)
            {
                return null;
            }

            intervals.Add(new OpenInterval(start, end));
        }

        return intervals.Count > 0 ? intervals : null;
    }

    private static int? ParseMinute(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m > 59 || h > 24 || (h == 24 && m != 0))
        {
            return null;
        }

        return (h * 60) + m;
    }
}
