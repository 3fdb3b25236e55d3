namespace Switchboard.Core.Routing;

/// <summary>A YAML configuration file (matrix, teams, templates, links, roles) failed validation; every error is listed with its path.</summary>
public sealed class ConfigValidationException : Exception
{
    public ConfigValidationException(IReadOnlyList<string> errors)
        : base("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    public ConfigValidationException()
        : this([])
    {
    }

    public ConfigValidationException(string message)
        : this([message])
    {
    }

    public ConfigValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
