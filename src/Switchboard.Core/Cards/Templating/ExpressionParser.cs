using System.Globalization;
using System.Text;

namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// A recursive-descent parser for the part of the AEL grammar the card templates use: literals, paths
/// (<c>a.b</c>, <c>a[0]</c>, <c>a['b']</c>), function calls and the operators
/// <c>! - * / % + - == != &lt;&gt; &amp; &lt; &lt;= &gt; &gt;= &amp;&amp; ||</c> with AEL's precedence
/// (equality binds tighter than ordering, as in the reference grammar).
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text)
    {
        _text = text;
    }

    public static Expression Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expression = parser.ParseOr();
        parser.SkipSpace();
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected text");
        }

        return expression;
    }

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (TryTake("||"))
        {
            left = new Expression.Call("or", [left, ParseAnd()]);
        }

        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseRelational();
        while (TryTake("&&"))
        {
            left = new Expression.Call("and", [left, ParseRelational()]);
        }

        return left;
    }

    private Expression ParseRelational()
    {
        var left = ParseStringConcat();
        while (true)
        {
            string? name = TryTake("<=") ? "lessOrEquals"
                : TryTake(">=") ? "greaterOrEquals"
                : Peek("<>") ? null
                : TryTake("<") ? "less"
                : TryTake(">") ? "greater"
                : null;
            if (name is null)
            {
                return left;
            }

            left = new Expression.Call(name, [left, ParseStringConcat()]);
        }
    }

    private Expression ParseStringConcat()
    {
        var left = ParseEquality();
        while (!Peek("&&") && TryTake("&"))
        {
            left = new Expression.Call("concat", [left, ParseEquality()]);
        }

        return left;
    }

    private Expression ParseEquality()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (TryTake("=="))
            {
                left = new Expression.Call("equals", [left, ParseAdditive()]);
            }
            else if (TryTake("!=") || TryTake("<>"))
            {
                left = new Expression.Call("notEquals", [left, ParseAdditive()]);
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (TryTake("+"))
            {
                left = new Expression.Call("add", [left, ParseMultiplicative()]);
            }
            else if (TryTake("-"))
            {
                left = new Expression.Call("sub", [left, ParseMultiplicative()]);
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            if (TryTake("*"))
            {
                left = new Expression.Call("mul", [left, ParseUnary()]);
            }
            else if (TryTake("/"))
            {
                left = new Expression.Call("div", [left, ParseUnary()]);
            }
            else if (TryTake("%"))
            {
                left = new Expression.Call("mod", [left, ParseUnary()]);
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseUnary()
    {
        if (!Peek("!=") && TryTake("!"))
        {
            return new Expression.Call("not", [ParseUnary()]);
        }

        if (TryTake("-"))
        {
            return new Expression.Call("sub", [new Expression.Constant(0d), ParseUnary()]);
        }

        if (TryTake("+"))
        {
            return ParseUnary();
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expression ParsePostfix(Expression target)
    {
        while (true)
        {
            if (TryTake("."))
            {
                target = new Expression.Member(target, ReadName() ?? throw Error("expected a property name after '.'"));
            }
            else if (TryTake("["))
            {
                var key = ParseOr();
                Expect("]");
                target = new Expression.Index(target, key);
            }
            else
            {
                return target;
            }
        }
    }

    private Expression ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of expression");
        }

        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        if (c is '\'' or '"')
        {
            return new Expression.Constant(ReadString(c));
        }

        if (char.IsAsciiDigit(c))
        {
            return new Expression.Constant(ReadNumber());
        }

        var name = ReadName() ?? throw Error($"unexpected '{c}'");
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == '(')
        {
            _pos++;
            var args = new List<Expression>();
            if (!TryTake(")"))
            {
                do
                {
                    args.Add(ParseOr());
                }
                while (TryTake(","));
                Expect(")");
            }

            return ExpressionEvaluator.FunctionNames.Contains(name)
                ? new Expression.Call(name, args)
                : throw Error($"unknown function '{name}'");
        }

        return name switch
        {
            "true" => new Expression.Constant(true),
            "false" => new Expression.Constant(false),
            "null" => new Expression.Constant(null),
            _ => new Expression.Identifier(name),
        };
    }

    private string? ReadName()
    {
        SkipSpace();
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '$' or '@' or '#'))
        {
            _pos++;
        }

        return _pos > start ? _text[start.._pos] : null;
    }

    private double ReadNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]))
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        return double.Parse(_text.AsSpan(start, _pos - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private string ReadString(char quote)
    {
        _pos++;
        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == quote)
            {
                return builder.ToString();
            }

            if (c == '\\' && _pos < _text.Length)
            {
                var escaped = _text[_pos++];
                builder.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => escaped,
                });
                continue;
            }

            builder.Append(c);
        }

        throw Error("unterminated string");
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Peek(string token)
    {
        SkipSpace();
        return string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0;
    }

    private bool TryTake(string token)
    {
        if (!Peek(token))
        {
            return false;
        }

        _pos += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!TryTake(token))
        {
            throw Error($"expected '{token}'");
        }
    }

    private TemplateException Error(string what) =>
        new($"Bad expression '{_text}': {what} at position {_pos}.");
}
