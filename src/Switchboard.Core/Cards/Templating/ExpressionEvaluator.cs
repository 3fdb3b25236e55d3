using System.Text.Json.Nodes;

namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// Evaluates parsed expressions against a <see cref="TemplateScope"/> with the reference engine's rules:
/// a path that does not resolve is undefined, and while substitution is on it becomes its own
/// <c>${path}</c> text; logic and comparison functions (<c>if</c>'s condition, <c>and</c>, <c>or</c>,
/// <c>not</c>, <c>exists</c>, <c>equals</c>, …) look at their arguments with substitution off.
/// </summary>
internal static partial class ExpressionEvaluator
{
    public static object? Evaluate(Expression expression, TemplateScope scope, bool substitute) => expression switch
    {
        Expression.Constant c => c.Value,
        Expression.Call call => EvaluateCall(call, scope, substitute),
        _ => EvaluatePath(expression, scope, substitute),
    };

    private static object? EvaluatePath(Expression expression, TemplateScope scope, bool substitute)
    {
        var segments = new List<object>();
        if (TryFlattenPath(expression, segments, out var root))
        {
            var value = Resolve(scope, root, segments);
            if (JsValues.IsUndefined(value) && substitute)
            {
                return "${" + expression + "}";
            }

            return value;
        }

        // A path over a computed value (json(x).a, a[b]) is evaluated step by step.
        switch (expression)
        {
            case Expression.Member member:
                return AccessProperty(Evaluate(member.Target, scope, substitute), member.Name);
            case Expression.Index index:
                var target = Evaluate(index.Target, scope, substitute);
                var key = Evaluate(index.Key, scope, substitute: false);
                return key switch
                {
                    double d when JsValues.IsInteger(d) => AccessIndex(target, d),
                    string s => AccessProperty(target, s),
                    _ => throw new TemplateException($"Could not use {index.Key} as an index."),
                };
            default:
                throw new TemplateException($"Cannot evaluate {expression}.");
        }
    }

    private static bool TryFlattenPath(Expression expression, List<object> segments, out string root)
    {
        switch (expression)
        {
            case Expression.Identifier identifier:
                root = identifier.Name;
                return true;
            case Expression.Member member when TryFlattenPath(member.Target, segments, out root):
                segments.Add(member.Name);
                return true;
            case Expression.Index { Key: Expression.Constant { Value: double or string } key } index
                when TryFlattenPath(index.Target, segments, out root):
                segments.Add(key.Value!);
                return true;
            default:
                root = string.Empty;
                return false;
        }
    }

    private static object? Resolve(TemplateScope scope, string root, List<object> segments)
    {
        object? current = root switch
        {
            "$root" => scope.Root,
            "$data" => scope.CurrentData,
            "$index" => scope.Index,
            _ when root.StartsWith('$') => JsUndefined.Value,
            _ => AccessProperty(scope.CurrentData, root),
        };

        foreach (var segment in segments)
        {
            if (JsValues.IsNullish(current))
            {
                return JsUndefined.Value;
            }

            current = segment is double index ? AccessIndex(current, index) : AccessProperty(current, (string)segment);
        }

        return current;
    }

    /// <summary>Exact name first, then a case-insensitive match, as AEL's property access does.</summary>
    public static object? AccessProperty(object? target, string name)
    {
        if (target is not JsonObject obj)
        {
            return JsUndefined.Value;
        }

        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return JsValues.FromNode(exact);
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return JsValues.FromNode(value);
            }
        }

        return JsUndefined.Value;
    }

    private static object? AccessIndex(object? target, double index)
    {
        if (target is not JsonArray array)
        {
            return JsUndefined.Value;
        }

        if (!JsValues.IsInteger(index) || index < 0 || index >= array.Count)
        {
            throw new TemplateException($"{JsValues.NumberToString(index)} is out of range for a list of {array.Count}.");
        }

        return JsValues.FromNode(array[(int)index]);
    }
}
