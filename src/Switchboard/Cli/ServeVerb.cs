using System.CommandLine;
using Microsoft.Extensions.Options;
using Switchboard.Hosting;

namespace Switchboard.Cli;

internal static class ServeVerb
{
    public static Command Create(string[] hostArgs)
    {
        var command = new Command("serve", "Run the bot host: connectors, pipeline workers and the local playground (default verb). Host settings such as --urls http://127.0.0.1:5080 pass through.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((_, cancellationToken) => RunAsync(hostArgs, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = SwitchboardHost.Build(hostArgs);
            SwitchboardHost.ValidateOptions(app.Services);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Switchboard cannot start: the configuration is invalid.");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync("  - " + failure);
            }

            return 2;
        }

        try
        {
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Switchboard cannot start: the configuration is invalid.");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync("  - " + failure);
            }

            return 2;
        }
    }
}
