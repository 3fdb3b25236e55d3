using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// Expands an Adaptive Cards template with data, following npm <c>adaptivecards-templating</c> 2.3 for the
/// subset the cards use: <c>${expression}</c> strings, <c>$data</c> (scoping, and repetition over arrays with
/// <c>$index</c>), <c>$when</c>, <c>$root</c>, and the functions in <see cref="ExpressionEvaluator.FunctionNames"/>.
/// The reference engine's quirks are kept on purpose, because the differential test compares outputs byte for byte:
/// an undefined path stays as literal <c>${path}</c> text, a <c>$when</c> that is not exactly <c>true</c> drops the
/// element (an object property becomes null), arrays produced inside arrays are flattened, and a repeated object
/// with one item is an object, not an array.
/// Deviation: where the reference engine would swallow an evaluation error inside mixed text and print the
/// expression back, this engine throws <see cref="TemplateException"/>, so a broken template fails loudly.
/// </summary>
internal static class TemplateEngine
{
    private static readonly string[] ReservedKeys = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    // Templates are few and fixed, so parsed strings are cached for the life of the process.
    private static readonly ConcurrentDictionary<string, TemplateString> Parsed = new(StringComparer.Ordinal);

    /// <summary>Expands <paramref name="template"/> against <paramref name="data"/> (the <c>$root</c>).</summary>
    public static JsonNode? Expand(JsonNode? template, JsonNode? data)
    {
        var root = JsValues.FromNode(data);
        var result = ExpandNode(template, new TemplateScope(root, JsUndefined.Value, JsUndefined.Value));
        return JsValues.IsUndefined(result) ? null : (JsonNode?)result;
    }

    /// <summary>Parses every expression in a template so a broken one fails at load time, not on first use.</summary>
    public static void Validate(JsonNode? template)
    {
        switch (template)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Validate(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Validate(item);
                }

                break;
            case JsonValue value when value.TryGetValue(out string? text) && TemplateString.HasExpression(text):
                Parse(text);
                break;
        }
    }

    private static TemplateString Parse(string text) => Parsed.GetOrAdd(text, TemplateString.Parse);

    /// <returns>A <see cref="JsonNode"/> (null for JSON null) or <see cref="JsUndefined"/> when nothing is produced.</returns>
    private static object? ExpandNode(JsonNode? node, TemplateScope scope)
    {
        switch (node)
        {
            case JsonArray array:
                return ExpandArray(array, scope);
            case JsonObject obj:
                return ExpandObject(obj, scope);
            case JsonValue value when value.TryGetValue(out string? text) && TemplateString.HasExpression(text):
                return ExpandString(Parse(text), scope);
            default:
                return node?.DeepClone();
        }
    }

    private static JsonArray ExpandArray(JsonArray array, TemplateScope scope)
    {
        var items = new List<JsonNode?>();
        foreach (var item in array)
        {
            var expanded = ExpandNode(item, scope);
            switch (expanded)
            {
                case null:
                    // Dropped: a $when that was not true, or a repeat over an empty array.
                    break;
                case JsonArray nested:
                    // The reference engine concatenates any array result into the parent array.
                    var children = nested.ToList();
                    nested.Clear();
                    items.AddRange(children);
                    break;
                case JsUndefined:
                    items.Add(null);
                    break;
                default:
                    items.Add((JsonNode)expanded);
                    break;
            }
        }

        return new JsonArray(items.ToArray());
    }

    private static object? ExpandObject(JsonObject obj, TemplateScope scope)
    {
        obj.TryGetPropertyValue("$when", out var when);
        var hasData = obj.TryGetPropertyValue("$data", out var dataNode);

        IReadOnlyList<object?> contexts;
        var repeated = false;
        if (!hasData)
        {
            contexts = [JsUndefined.Value];
        }
        else
        {
            var dataValue = dataNode is JsonValue v && v.TryGetValue(out string? text) && TemplateString.HasExpression(text)
                ? EvaluateString(Parse(text), scope, substitute: true)
                : JsValues.FromNode(dataNode);
            if (dataValue is JsonArray list)
            {
                contexts = list.Select(JsValues.FromNode).ToList();
                repeated = true;
            }
            else
            {
                contexts = [dataValue];
            }
        }

        var results = new List<JsonObject>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var itemScope = scope;
            if (repeated)
            {
                itemScope = itemScope with { Index = (double)i };
            }

            if (!JsValues.IsUndefined(contexts[i]))
            {
                itemScope = itemScope with { Data = contexts[i] };
            }

            if (when is not null && !IsWhenTrue(when, itemScope))
            {
                continue;
            }

            results.Add(ExpandProperties(obj, itemScope));
        }

        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => new JsonArray(results.ToArray<JsonNode?>()),
        };
    }

    private static bool IsWhenTrue(JsonNode when, TemplateScope scope)
    {
        if (when is JsonValue v && v.TryGetValue(out string? text) && TemplateString.HasExpression(text))
        {
            try
            {
                return EvaluateString(Parse(text), scope, substitute: false) is true;
            }
            catch (TemplateException)
            {
                return false;
            }
        }

        // A $when that is not an expression drops the element when it is truthy (the reference engine's rule).
        return !JsValues.IsJsTruthy(when);
    }

    private static JsonObject ExpandProperties(JsonObject obj, TemplateScope scope)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (Array.IndexOf(ReservedKeys, key) >= 0)
            {
                continue;
            }

            var expanded = ExpandNode(value, scope);
            if (!JsValues.IsUndefined(expanded))
            {
                result[key] = (JsonNode?)expanded;
            }
        }

        return result;
    }

    private static object? ExpandString(TemplateString text, TemplateScope scope)
    {
        var value = EvaluateString(text, scope, substitute: true);
        return JsValues.IsUndefined(value) ? value : JsValues.ToNode(value);
    }

    private static object? EvaluateString(TemplateString text, TemplateScope scope, bool substitute)
    {
        if (text.Whole is { } whole)
        {
            return ExpressionEvaluator.Evaluate(whole, scope, substitute);
        }

        var builder = new System.Text.StringBuilder();
        foreach (var part in text.Parts)
        {
            builder.Append(part is Expression e
                ? JsValues.ToJsString(ExpressionEvaluator.Evaluate(e, scope, substitute))
                : (string)part);
        }

        return builder.ToString();
    }
}
