using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Campaigns;

/// <summary>The campaigns in the campaigns folder, loaded once at first use (the options validator already checked them).</summary>
public sealed class CampaignCatalog
{
    private readonly Lazy<IReadOnlyDictionary<string, Campaign>> _campaigns;

    public CampaignCatalog(IOptions<CampaignOptions> options, IHostEnvironment environment)
        : this(ResolveFolder(options.Value.Path, environment.ContentRootPath))
    {
    }

    internal CampaignCatalog(string? folder)
    {
        Folder = folder;
        _campaigns = new(() => folder is null
            ? new Dictionary<string, Campaign>()
            : Directory.EnumerateDirectories(folder)
                .Select(CampaignLoader.Load)
                .Where(r => r.IsValid)
                .ToDictionary(r => r.Campaign!.Name, r => r.Campaign!, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The resolved campaigns folder, or null when there is none.</summary>
    public string? Folder { get; }

    public IReadOnlyCollection<Campaign> All => _campaigns.Value.Values.OrderBy(c => c.GoLive).ToArray();

    public Campaign? Find(string name) => _campaigns.Value.GetValueOrDefault(name.Trim());

    /// <summary>The campaign whose go-live window (go-live through <paramref name="windowHours"/> after its last post) holds <paramref name="at"/>.</summary>
    public IReadOnlyList<Campaign> ActiveAt(DateTimeOffset at, int windowHours) =>
        All.Where(c => at >= c.GoLive && at < c.Schedule.Select(p => p.At).Append(c.GoLive).Max().AddHours(windowHours)).ToArray();

    /// <summary>Absolute as given; relative against the content root, the base directory, then each parent of the working directory.</summary>
    public static string? ResolveFolder(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? path : null;
        }

        foreach (var root in new[] { contentRoot, AppContext.BaseDirectory })
        {
            var candidate = Path.GetFullPath(Path.Combine(root, path));
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        // Running from source (dotnet run, tests): the folder sits at the repo root above the working directory.
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
