namespace Switchboard.Connectors.Discord;

/// <summary>
/// A REST call's rate-limit identity: the method and path with minor ids replaced ("PATCH channels/{id}/messages/:id"),
/// keeping the major parameter (channel, guild, webhook), as Discord scopes buckets per major parameter.
/// <see cref="Template"/> has every id (and any webhook token) removed, so it is safe to log.
/// </summary>
internal sealed record DiscordRoute(string Key, string MajorParameter, string Template, bool GlobalExempt)
{
    private static readonly string[] Majors = ["channels", "guilds", "webhooks"];

    public static DiscordRoute For(HttpMethod method, string path)
    {
        var segments = path.Split('?', 2)[0].Trim('/').Split('/');
        var key = new List<string>(segments.Length);
        var template = new List<string>(segments.Length);
        var major = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : null;
            var isId = segment.Length > 0 && segment.All(char.IsAsciiDigit);
            if (i == 1 && previous is not null && Majors.Contains(previous))
            {
                major = previous + "/" + segment;
                key.Add(segment);
                template.Add("{" + previous.TrimEnd('s') + "}");
            }
            else if (i == 2 && previous is not null && segments[0] is "webhooks" or "interactions")
            {
                // The interaction/webhook token: part of the bucket, never of anything logged.
                major += "/" + segment;
                key.Add(segment);
                template.Add("{token}");
            }
            else if (i == 1 && segments[0] == "interactions")
            {
                key.Add(":id");
                template.Add("{interaction}");
            }
            else
            {
                key.Add(isId ? ":id" : segment);
                template.Add(isId ? "{id}" : segment);
            }
        }

        var exempt = segments[0] is "interactions" or "webhooks";
        var verb = method.Method;
        return new DiscordRoute(verb + " " + string.Join('/', key), major, verb + " " + string.Join('/', template), exempt);
    }
}
