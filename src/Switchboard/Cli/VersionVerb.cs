using System.CommandLine;
using System.Reflection;

namespace Switchboard.Cli;

internal static class VersionVerb
{
    public static Command Create()
    {
        var command = new Command("version", "Print the Switchboard version.");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionVerb).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(VersionVerb).Assembly.GetName().Version?.ToString() ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine($"switchboard {version}");
            return 0;
        });
        return command;
    }
}
