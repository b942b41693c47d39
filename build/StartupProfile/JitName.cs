using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace StartupProfile;

/// <summary>A type as the JIT names it in its summary: <c>System.Collections.Generic.List`1[AnnotatedNorm.Parsing.ClassifiedLine]</c>.</summary>
/// <param name="FullName">Namespace, name and nesting (<c>Outer`1+Inner</c>), without type arguments; a primitive's short name.</param>
/// <param name="Args">Type arguments, of the innermost type for a nested one (nested types repeat their outer type's parameters).</param>
internal sealed record TypeName(string FullName, ImmutableArray<TypeName> Args, int ArrayRank, bool IsPrimitive);

/// <summary>A method as the JIT names it: <c>Type:Name[MethodArgs](Parameters)</c>; the parameters are printed loosely (<c>byref</c>, <c>int</c>).</summary>
internal sealed record MethodName(TypeName Type, string Name, ImmutableArray<TypeName> MethodArgs, ImmutableArray<string> Parameters);

/// <summary>Reads the method names of the runtime's JIT summary (<c>DOTNET_JitStdOutFile</c> with <c>DOTNET_JitDisasmSummary=1</c>).</summary>
internal static class JitName
{
    /// <summary>The JIT's short names of primitive types (<c>byte</c> is signed, <c>ubyte</c> unsigned).</summary>
    public static IReadOnlyDictionary<string, PrimitiveTypeCode> Primitives { get; } = new Dictionary<string, PrimitiveTypeCode>(StringComparer.Ordinal)
    {
        ["bool"] = PrimitiveTypeCode.Boolean, ["char"] = PrimitiveTypeCode.Char, ["byte"] = PrimitiveTypeCode.SByte, ["ubyte"] = PrimitiveTypeCode.Byte,
        ["short"] = PrimitiveTypeCode.Int16, ["ushort"] = PrimitiveTypeCode.UInt16, ["int"] = PrimitiveTypeCode.Int32, ["uint"] = PrimitiveTypeCode.UInt32,
        ["long"] = PrimitiveTypeCode.Int64, ["ulong"] = PrimitiveTypeCode.UInt64, ["float"] = PrimitiveTypeCode.Single, ["double"] = PrimitiveTypeCode.Double,
        ["nint"] = PrimitiveTypeCode.IntPtr, ["nuint"] = PrimitiveTypeCode.UIntPtr,
    };

    /// <summary>The methods of one summary file: its lines read <c>N: JIT compiled Type:Method(...) [Tier0, IL size=…]</c>.</summary>
    /// <remarks>Stubs and dynamic methods (<c>(dynamicClass)</c>) have no metadata to point at and are left out.</remarks>
    public static IEnumerable<string> MethodsIn(string summaryFile)
    {
        foreach (var line in File.ReadLines(summaryFile))
        {
            const string Marker = "JIT compiled ";
            var start = line.IndexOf(Marker, StringComparison.Ordinal);
            var end = line.LastIndexOf(" [", StringComparison.Ordinal);
            if (start < 0 || end < start) continue;
            var text = line[(start + Marker.Length)..end];
            if (!text.StartsWith("(dynamicClass)", StringComparison.Ordinal)) yield return text;
        }
    }

    /// <exception cref="FormatException">The text is not a method name of this form.</exception>
    public static MethodName ParseMethod(string text)
    {
        var colon = IndexAtTopLevel(text, ':');
        if (colon < 0) throw new FormatException($"no ':' between type and method in '{text}'");
        var rest = text[(colon + 1)..];
        var open = LastOpenAtTopLevel(rest, '(');
        if (open < 0 || !rest.EndsWith(')')) throw new FormatException($"no parameter list in '{text}'");
        var name = rest[..open];
        var methodArgs = ImmutableArray<TypeName>.Empty;
        if (name.EndsWith(']'))
        {
            var argsOpen = MatchingOpen(name, name.Length - 1);
            methodArgs = [.. Split(name[(argsOpen + 1)..^1]).Select(ParseType)];
            name = name[..argsOpen];
        }
        return new MethodName(ParseType(text[..colon]), name, methodArgs, [.. Split(rest[(open + 1)..^1]).Select(p => p.Trim())]);
    }

    public static TypeName ParseType(string text)
    {
        text = text.Trim();
        var rank = 0;
        while (text.EndsWith("[]", StringComparison.Ordinal))
        {
            rank++;
            text = text[..^2];
        }
        if (Primitives.ContainsKey(text)) return new TypeName(text, [], rank, IsPrimitive: true);
        if (!text.EndsWith(']')) return new TypeName(text, [], rank, IsPrimitive: false);
        var open = MatchingOpen(text, text.Length - 1);
        return new TypeName(text[..open], [.. Split(text[(open + 1)..^1]).Select(ParseType)], rank, IsPrimitive: false);
    }

    private static List<string> Split(string list)
    {
        var parts = new List<string>();
        if (list.Length == 0) return parts;
        var depth = 0;
        var from = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '[' or '(' or '<': depth++; break;
                case ']' or ')' or '>': depth--; break;
                case ',' when depth == 0:
                    parts.Add(list[from..i]);
                    from = i + 1;
                    break;
            }
        }
        parts.Add(list[from..]);
        return parts;
    }

    private static int MatchingOpen(string text, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (text[i] == ']') depth++;
            else if (text[i] == '[' && --depth == 0) return i;
        }
        throw new FormatException($"unbalanced brackets in '{text}'");
    }

    private static int IndexAtTopLevel(string text, char c)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '[' or '(') depth++;
            else if (text[i] is ']' or ')') depth--;
            else if (text[i] == c && depth == 0) return i;
        }
        return -1;
    }

    private static int LastOpenAtTopLevel(string text, char c)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] is ']' or ')') depth++;
            else if (text[i] is '[' or '(' && --depth == 0 && text[i] == c) return i;
        }
        return -1;
    }
}
