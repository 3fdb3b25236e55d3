namespace Switchboard.Core.Cards.Templating;

/// <summary>A template that cannot be parsed or expanded: a bad expression, an unknown function, a type error.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
