namespace Switchboard.Core.Routing;

/// <summary>Resolves a config file path: absolute as given; relative against the content root, then the app's base directory.</summary>
public static class ConfigFilePath
{
    public static string Resolve(string path, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var fromRoot = Path.GetFullPath(Path.Combine(contentRoot, path));
        if (File.Exists(fromRoot))
        {
            return fromRoot;
        }

        var fromBase = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        return File.Exists(fromBase) ? fromBase : fromRoot;
    }
}
