using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// Values as the reference engine (JavaScript) sees them: <c>null</c>, <see cref="JsUndefined"/>, bool,
/// double (JavaScript has one number type), string, and data objects and arrays kept as <see cref="JsonNode"/>s.
/// Conversions here copy JavaScript's rules where they show in a card (string concatenation, number text, truthiness).
/// </summary>
internal static class JsValues
{
    public static bool IsUndefined(object? value) => ReferenceEquals(value, JsUndefined.Value);

    public static bool IsNullish(object? value) => value is null || IsUndefined(value);

    /// <summary>Reads a data node as a value: JSON scalars become CLR scalars, objects and arrays stay nodes.</summary>
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject or JsonArray:
                return node;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return value.GetValue<string>();
                    case JsonValueKind.True:
                        return true;
                    case JsonValueKind.False:
                        return false;
                    case JsonValueKind.Number:
                        return value.TryGetValue(out double d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
                    case JsonValueKind.Null:
                        return null;
                    default:
                        return JsUndefined.Value;
                }

            default:
                return JsUndefined.Value;
        }
    }

    /// <summary>Writes a value into the output card. Nodes are cloned: a node can have only one parent.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        // JSON.stringify writes NaN and ±Infinity as null.
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        int i => JsonValue.Create((double)i),
        string s => JsonValue.Create(s),
        JsonNode n => n.DeepClone(),
        _ => throw new TemplateException($"Cannot write a {value.GetType().Name} into a card."),
    };

    /// <summary>JavaScript's truthiness as AEL's <c>isLogicTrue</c> sees it: only false, null and undefined are false.</summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        JsUndefined => false,
        _ => true,
    };

    /// <summary>JavaScript truthiness (used for a non-expression <c>$when</c>).</summary>
    public static bool IsJsTruthy(JsonNode? node) => FromNode(node) switch
    {
        null => false,
        JsUndefined => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    public static bool IsInteger(object? value) => value is double d && double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary><c>value.toString()</c> in JavaScript; null and undefined throw as they do there.</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => throw new TemplateException("Cannot turn null into text (the reference engine fails the same way)."),
        JsUndefined => throw new TemplateException("Cannot turn undefined into text."),
        string s => s,
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        JsonArray a => ArrayToString(a),
        JsonObject => "[object Object]",
        _ => throw new TemplateException($"Cannot turn a {value.GetType().Name} into text."),
    };

    private static string ArrayToString(JsonArray array)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var item = FromNode(array[i]);
            if (!IsNullish(item))
            {
                builder.Append(ToJsString(item));
            }
        }

        return builder.ToString();
    }

    /// <summary>JavaScript's Number.prototype.toString(): shortest round-trip digits, exponent only outside [1e-6, 1e21).</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        var abs = Math.Abs(value);
        if (abs >= 1e21 || abs < 1e-6)
        {
            var r = value.ToString("R", CultureInfo.InvariantCulture);
            var e = r.IndexOf('E', StringComparison.Ordinal);
            if (e < 0)
            {
                return r;
            }

            var exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return r[..e] + "e" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        }

        if (Math.Floor(value) == value)
        {
            return value.ToString("F0", CultureInfo.InvariantCulture);
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? ExpandExponent(text) : text;
    }

    /// <summary>Rewrites "1.5E-05" as "0.000015", as JavaScript prints numbers down to 1e-6.</summary>
    private static string ExpandExponent(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[..e];
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var negative = mantissa.StartsWith('-');
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        string result;
        if (pointAt <= 0)
        {
            result = "0." + new string('0', -pointAt) + digits;
        }
        else if (pointAt >= digits.Length)
        {
            result = digits + new string('0', pointAt - digits.Length);
        }
        else
        {
            result = digits[..pointAt] + "." + digits[pointAt..];
        }

        return negative ? "-" + result : result;
    }
}
