using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Core.Cards.Templating;

/// <summary>The AEL built-in functions the card templates may use, with the reference engine's semantics.</summary>
internal static partial class ExpressionEvaluator
{
    /// <summary>The function names this engine knows; anything else fails when the template is parsed.</summary>
    public static readonly IReadOnlySet<string> FunctionNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "and", "or", "not", "exists", "empty", "equals", "notEquals", "greater", "greaterOrEquals", "less", "lessOrEquals",
        "add", "sub", "mul", "div", "mod", "round", "floor", "ceiling", "max", "min",
        "count", "length", "join", "concat", "coalesce", "first", "last", "contains", "createArray",
        "toUpper", "toLower", "trim", "substring", "replace", "startsWith", "endsWith", "formatDateTime",
    };

    private static object? EvaluateCall(Expression.Call call, TemplateScope scope, bool substitute)
    {
        var args = call.Arguments;
        switch (call.Name)
        {
            case "if":
                Arity(call, 3, 3);
                return JsValues.IsLogicTrue(TryEvaluate(args[0], scope))
                    ? Evaluate(args[1], scope, substitute)
                    : Evaluate(args[2], scope, substitute);
            case "and":
                Arity(call, 1, int.MaxValue);
                return args.All(a => JsValues.IsLogicTrue(TryEvaluate(a, scope)));
            case "or":
                Arity(call, 1, int.MaxValue);
                return args.Any(a => JsValues.IsLogicTrue(TryEvaluate(a, scope)));
            case "not":
                Arity(call, 1, 1);
                return !JsValues.IsLogicTrue(TryEvaluate(args[0], scope, valueOnError: true));
            case "exists" or "empty" or "equals" or "notEquals" or "greater" or "greaterOrEquals" or "less" or "lessOrEquals":
                return Compare(call, scope);
            default:
                if (!FunctionNames.Contains(call.Name))
                {
                    throw new TemplateException($"Unknown function '{call.Name}'.");
                }

                var values = new object?[args.Count];
                for (var i = 0; i < args.Count; i++)
                {
                    values[i] = Evaluate(args[i], scope, substitute);
                }

                return Apply(call, values);
        }
    }

    /// <summary>Evaluates a logic operand with substitution off; a failure counts as false (or as <paramref name="valueOnError"/>).</summary>
    private static object? TryEvaluate(Expression expression, TemplateScope scope, object? valueOnError = null)
    {
        try
        {
            return Evaluate(expression, scope, substitute: false);
        }
        catch (TemplateException)
        {
            return valueOnError is true ? false : null;
        }
    }

    private static bool Compare(Expression.Call call, TemplateScope scope)
    {
        var unary = call.Name is "exists" or "empty";
        Arity(call, unary ? 1 : 2, unary ? 1 : 2);
        var values = new object?[call.Arguments.Count];
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Evaluate(call.Arguments[i], scope, substitute: false);
            }

            return call.Name switch
            {
                "exists" => !JsValues.IsNullish(values[0]),
                "empty" => IsEmpty(values[0]),
                "equals" => AreEqual(values[0], values[1]),
                "notEquals" => !AreEqual(values[0], values[1]),
                _ => Order(call.Name, values[0], values[1]),
            };
        }
        catch (TemplateException)
        {
            // AEL's comparison functions answer false when an operand fails to evaluate.
            return false;
        }
    }

    private static bool Order(string name, object? left, object? right)
    {
        int order = (left, right) switch
        {
            (double a, double b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => throw new TemplateException($"{left} and {right} must be comparable."),
        };
        return name switch
        {
            "greater" => order > 0,
            "greaterOrEquals" => order >= 0,
            "less" => order < 0,
            _ => order <= 0,
        };
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null or JsUndefined => true,
        string s => s.Length == 0,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    private static bool AreEqual(object? left, object? right)
    {
        if (JsValues.IsNullish(left) || JsValues.IsNullish(right))
        {
            return JsValues.IsNullish(left) && JsValues.IsNullish(right);
        }

        return (left, right) switch
        {
            (double a, double b) => a == b,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (JsonNode a, JsonNode b) => JsonNode.DeepEquals(a, b),
            _ => false,
        };
    }

    private static object? Apply(Expression.Call call, object?[] a)
    {
        switch (call.Name)
        {
            case "add":
                Arity(call, 2, int.MaxValue);
                return a.Skip(1).Aggregate(a[0], Add);
            case "sub":
                Arity(call, 2, int.MaxValue);
                return a.Skip(1).Aggregate(Number(call, a[0]), (acc, x) => (double)acc! - Number(call, x));
            case "mul":
                Arity(call, 2, int.MaxValue);
                return a.Skip(1).Aggregate(Number(call, a[0]), (acc, x) => (double)acc! * Number(call, x));
            case "div":
                Arity(call, 2, int.MaxValue);
                return a.Skip(1).Aggregate(Number(call, a[0]), (acc, x) => Divide(call, (double)acc!, Number(call, x)));
            case "mod":
                Arity(call, 2, 2);
                var divisor = Number(call, a[1]);
                return divisor == 0 ? throw new TemplateException($"Cannot divide by 0 in {call}.") : Number(call, a[0]) % divisor;
            case "round":
                Arity(call, 1, 2);
                var digits = a.Length == 2 ? Number(call, a[1]) : 0;
                if (!JsValues.IsInteger(digits) || digits < 0 || digits > 15)
                {
                    throw new TemplateException($"round's second argument must be an integer from 0 to 15 in {call}.");
                }

                var scale = Math.Pow(10, digits);
                return Math.Floor((Number(call, a[0]) * scale) + 0.5) / scale;
            case "floor":
                Arity(call, 1, 1);
                return Math.Floor(Number(call, a[0]));
            case "ceiling":
                Arity(call, 1, 1);
                return Math.Ceiling(Number(call, a[0]));
            case "max" or "min":
                Arity(call, 1, int.MaxValue);
                var numbers = (a is [JsonArray numberList] ? numberList.Select(JsValues.FromNode) : a).Select(x => Number(call, x)).ToList();
                return call.Name == "max" ? numbers.Max() : numbers.Min();
            case "count":
                Arity(call, 1, 1);
                return a[0] switch
                {
                    string s => (double)s.Length,
                    JsonArray list => list.Count,
                    _ => throw new TemplateException($"{call.Arguments[0]} is not a string or a list."),
                };
            case "length":
                Arity(call, 1, 1);
                return a[0] switch
                {
                    string s => (double)s.Length,
                    null or JsUndefined => 0d,
                    _ => throw new TemplateException($"{call.Arguments[0]} is neither a string nor null."),
                };
            case "join":
                Arity(call, 2, 3);
                return Join(call, a);
            case "concat":
                Arity(call, 1, int.MaxValue);
                if (a.All(x => x is JsonArray))
                {
                    return new JsonArray(a.SelectMany(x => ((JsonArray)x!).Select(n => n?.DeepClone())).ToArray());
                }

                return string.Concat(a.Select(JsValues.ToJsString));
            case "coalesce":
                Arity(call, 1, int.MaxValue);
                return a.FirstOrDefault(x => !JsValues.IsNullish(x));
            case "first" or "last":
                Arity(call, 1, 1);
                return a[0] switch
                {
                    string { Length: > 0 } s => (call.Name == "first" ? s[0] : s[^1]).ToString(),
                    JsonArray { Count: > 0 } list => JsValues.FromNode(call.Name == "first" ? list[0] : list[^1]),
                    _ => JsUndefined.Value,
                };
            case "contains":
                Arity(call, 2, 2);
                return a[0] switch
                {
                    string s when a[1] is string part => s.Contains(part, StringComparison.Ordinal),
                    JsonArray list => list.Any(n => AreEqual(JsValues.FromNode(n), a[1])),
                    JsonObject obj when a[1] is string key => obj.ContainsKey(key),
                    _ => false,
                };
            case "createArray":
                return new JsonArray(a.Select(JsValues.ToNode).ToArray());
            case "toUpper" or "toLower":
                Arity(call, 1, 1);
                var text = a[0] switch
                {
                    string s => s,
                    JsUndefined => string.Empty,
                    _ => throw new TemplateException($"{call.Arguments[0]} is not a string."),
                };
                return call.Name == "toUpper" ? text.ToUpperInvariant() : text.ToLowerInvariant();
            case "trim":
                Arity(call, 1, 1);
                return String(call, a[0]).Trim();
            case "substring":
                Arity(call, 2, 3);
                var whole = String(call, a[0]);
                var start = Number(call, a[1]);
                var length = a.Length == 3 ? Number(call, a[2]) : whole.Length - start;
                if (!JsValues.IsInteger(start) || !JsValues.IsInteger(length) || start < 0 || length < 0 || start + length > whole.Length)
                {
                    throw new TemplateException($"substring arguments are out of range in {call}.");
                }

                return whole.Substring((int)start, (int)length);
            case "replace":
                Arity(call, 3, 3);
                var old = String(call, a[1]);
                return old.Length == 0
                    ? throw new TemplateException($"replace needs a non-empty string to replace in {call}.")
                    : String(call, a[0]).Replace(old, String(call, a[2]), StringComparison.Ordinal);
            case "startsWith":
                Arity(call, 2, 2);
                return String(call, a[0]).StartsWith(String(call, a[1]), StringComparison.Ordinal);
            case "endsWith":
                Arity(call, 2, 2);
                return String(call, a[0]).EndsWith(String(call, a[1]), StringComparison.Ordinal);
            case "formatDateTime":
                Arity(call, 1, 2);
                return FormatDateTime(call, a);
            default:
                throw new TemplateException($"Unknown function '{call.Name}'.");
        }
    }

    /// <summary>AEL's add: numbers sum; anything else concatenates as text (null counts as empty text).</summary>
    private static object? Add(object? left, object? right)
    {
        if ((left is null && right is double) || (right is null && left is double))
        {
            throw new TemplateException("'+' cannot add a number and null.");
        }

        if (left is double a && right is double b)
        {
            return a + b;
        }

        return (left is null ? string.Empty : JsValues.ToJsString(left)) + (right is null ? string.Empty : JsValues.ToJsString(right));
    }

    /// <summary>AEL's div: two integers divide to the floor, as in the reference implementation.</summary>
    private static double Divide(Expression.Call call, double left, double right)
    {
        if (right == 0)
        {
            throw new TemplateException($"Cannot divide by 0 in {call}.");
        }

        var result = left / right;
        return JsValues.IsInteger(left) && JsValues.IsInteger(right) ? Math.Floor(result) : result;
    }

    private static string Join(Expression.Call call, object?[] a)
    {
        if (a[0] is not JsonArray list)
        {
            throw new TemplateException($"{call.Arguments[0]} is not a list.");
        }

        var separator = String(call, a[1]);
        var items = list.Select(n => JsValues.FromNode(n)).Select(v => JsValues.IsNullish(v) ? string.Empty : JsValues.ToJsString(v)).ToList();
        if (a.Length == 3 && items.Count > 1)
        {
            return string.Join(separator, items.Take(items.Count - 1)) + String(call, a[2]) + items[^1];
        }

        return string.Join(separator, items);
    }

    /// <summary>formatDateTime(timestamp, format): the instant in UTC with a .NET-style format (AEL uses the same letters).</summary>
    private static string FormatDateTime(Expression.Call call, object?[] a)
    {
        var text = String(call, a[0]);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            throw new TemplateException($"{text} is not an ISO 8601 timestamp in {call}.");
        }

        var format = a.Length == 2 ? String(call, a[1]) : "yyyy-MM-ddTHH:mm:ss.fffZ";
        return instant.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
    }

    private static double Number(Expression.Call call, object? value) =>
        value as double? ?? throw new TemplateException($"{call} needs a number, not '{value}'.");

    private static string String(Expression.Call call, object? value) =>
        value as string ?? throw new TemplateException($"{call} needs a string, not '{value}'.");

    private static void Arity(Expression.Call call, int min, int max)
    {
        if (call.Arguments.Count < min || call.Arguments.Count > max)
        {
            throw new TemplateException($"{call.Name} takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} or more")} arguments: {call}.");
        }
    }
}
