namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// A parsed Adaptive Expressions (AEL) expression. Operators are lowered to the AEL functions they stand
/// for (<c>a == b</c> is <c>equals(a, b)</c>), so the evaluator only knows five shapes.
/// </summary>
internal abstract record Expression
{
    /// <summary>A literal number, string, bool or null.</summary>
    internal sealed record Constant(object? Value) : Expression
    {
        public override string ToString() => Value switch
        {
            string s => "'" + s + "'",
            null => "null",
            _ => JsValues.ToJsString(Value),
        };
    }

    /// <summary>A name at the start of a path: a data field, or <c>$root</c>, <c>$data</c>, <c>$index</c>, <c>$host</c>.</summary>
    internal sealed record Identifier(string Name) : Expression
    {
        public override string ToString() => Name;
    }

    /// <summary><c>target.name</c>.</summary>
    internal sealed record Member(Expression Target, string Name) : Expression
    {
        public override string ToString() => Target + "." + Name;
    }

    /// <summary><c>target[index]</c>.</summary>
    internal sealed record Index(Expression Target, Expression Key) : Expression
    {
        public override string ToString() => Target + "[" + Key + "]";
    }

    /// <summary>A function call (or an operator lowered to one).</summary>
    internal sealed record Call(string Name, IReadOnlyList<Expression> Arguments) : Expression
    {
        public override string ToString() => Name + "(" + string.Join(", ", Arguments) + ")";
    }
}
