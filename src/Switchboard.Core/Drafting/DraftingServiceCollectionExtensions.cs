using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Routing;

namespace Switchboard.Core.Drafting;

public static class DraftingServiceCollectionExtensions
{
    /// <summary>
    /// Registers templates and the link library (validated at start), the default <see cref="IPersonalDataScanner"/>
    /// (replace it by registering another before this call), and <see cref="ReplyDrafter"/>, with the OpenAI-compatible
    /// rewriter when <c>Switchboard:Drafting:Llm:Enabled</c> is true.
    /// </summary>
    public static IServiceCollection AddDrafting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DraftingOptions>()
            .BindConfiguration(DraftingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DraftingOptions>, DraftingOptionsValidator>());
        services.TryAddSingleton<IPersonalDataScanner, RegexPersonalDataScanner>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DraftingOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var (templates, links) = DraftingConfigLoader.LoadFiles(
                ConfigFilePath.Resolve(options.TemplatesPath, root),
                ConfigFilePath.Resolve(options.LinkLibraryPath, root));
            return new DraftingConfiguration(templates, links);
        });
        services.AddHttpClient(nameof(OpenAiDraftRewriter));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DraftingOptions>>();
            var configuration = sp.GetRequiredService<DraftingConfiguration>();
            IDraftRewriter? rewriter = sp.GetService<IDraftRewriter>();
            if (rewriter is null && options.Value.Llm.Enabled)
            {
                var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OpenAiDraftRewriter));
                rewriter = new OpenAiDraftRewriter(http, options);
            }

            return new ReplyDrafter(
                configuration.Templates,
                configuration.Links,
                sp.GetRequiredService<IPersonalDataScanner>(),
                options,
                sp.GetRequiredService<ILogger<ReplyDrafter>>(),
                rewriter);
        });
        return services;
    }
}
