using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Switchboard.Core.Routing.Yaml;

/// <summary>Reads a YAML config document strictly: an unknown key is an error with its line, not silently ignored.</summary>
internal static class YamlConfig
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static T? Read<T>(string yaml, string name, List<string> errors)
        where T : class
    {
        try
        {
            var document = Deserializer.Deserialize<T?>(yaml);
            if (document is null)
            {
                errors.Add($"{name}: the document is empty");
            }

            return document;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner ? inner.Message : ex.Message;
            errors.Add($"{name}: line {ex.Start.Line}, column {ex.Start.Column}: {message}");
            return null;
        }
    }
}
