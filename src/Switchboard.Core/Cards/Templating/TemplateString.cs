namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// A template string split into literal text and <c>${…}</c> expressions. A string that is exactly one
/// non-constant expression keeps the expression's type when expanded (<c>"${case.id}"</c> gives the number 42);
/// any other mix gives a string, as in the reference engine.
/// </summary>
internal sealed class TemplateString
{
    private TemplateString(string source, IReadOnlyList<object> parts)
    {
        Source = source;
        Parts = parts;
    }

    public string Source { get; }

    /// <summary>Literal <see cref="string"/>s and <see cref="Expression"/>s, in order.</summary>
    public IReadOnlyList<object> Parts { get; }

    /// <summary>The single expression whose value is used as is, or null when the string concatenates.</summary>
    public Expression? Whole => Parts is [Expression e] && e is not Expression.Constant ? e : null;

    public static bool HasExpression(string text) => text.Contains("${", StringComparison.Ordinal);

    public static TemplateString Parse(string text)
    {
        var parts = new List<object>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = FindClose(text, i + 2);
                if (i > literalStart)
                {
                    parts.Add(text[literalStart..i]);
                }

                parts.Add(ExpressionParser.Parse(text[(i + 2)..end]));
                i = end + 1;
                literalStart = i;
                continue;
            }

            if (text[i] == '`')
            {
                // The reference engine wraps the string in backticks before parsing it, so a backtick breaks it.
                throw new TemplateException($"Backticks are not supported in template strings: '{text}'.");
            }

            i++;
        }

        if (literalStart < text.Length)
        {
            parts.Add(text[literalStart..]);
        }

        return new TemplateString(text, parts);
    }

    /// <summary>Finds the '}' closing an expression, skipping quoted strings and nested braces.</summary>
    private static int FindClose(string text, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                i++;
                while (i < text.Length && text[i] != c)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }

                    i++;
                }
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        throw new TemplateException($"Unclosed '${{' in template string '{text}'.");
    }
}
