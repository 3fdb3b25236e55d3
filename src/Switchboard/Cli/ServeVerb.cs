using System.CommandLine;

namespace Switchboard.Cli;

internal static class ServeVerb
{
    public static Command Create(string[] hostArgs)
    {
        var command = new Command("serve", "Run the bot host: connectors, pipeline workers and the local playground (default).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((_, cancellationToken) => RunAsync(hostArgs, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return hostArgs.Length >= 0 ? 0 : 1;
    }
}
