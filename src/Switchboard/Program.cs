using Switchboard.Cli;

namespace Switchboard;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        // Host settings (--urls, --Switchboard:...) pass through to the host; verbs are parsed first.
        var hostArgs = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
        return SwitchboardCommandLine.Build(hostArgs).Parse(args).InvokeAsync();
    }
}
