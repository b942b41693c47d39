using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>Picks the overload a call must bind to in the one case that needs no overload resolution: an exact match.</summary>
/// <param name="typeOf">The type of the variable or property a name passed as an argument stands for, or null when only binding can tell.</param>
internal sealed class OverloadMatcher(SemanticModel model, Func<SimpleNameSyntax, ITypeSymbol?> typeOf)
{
    public enum Receiver { Implicit, Type, Value }

    /// <summary>
    /// The overload a call must choose without overload resolution: the only one that takes that many arguments, or
    /// the only one whose parameters have the very types of the arguments (no conversion is better than identity).
    /// Code that does not compile may bind otherwise; what it shows then matters less than what it costs.
    /// </summary>
    public IMethodSymbol? Exact(SimpleNameSyntax name, IReadOnlyList<IMethodSymbol> overloads, Receiver receiver)
    {
        ExpressionSyntax called = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (called.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != called) return null;
        // Methods of a base type drop out when one of a derived type applies: keep to groups of one type.
        var owner = overloads[0].ContainingType;
        if (overloads.Any(m => !SymbolEqualityComparer.Default.Equals(m.ContainingType, owner))) return null;
        // A type's name calls only static methods, a value only instance ones; without a receiver, the context decides.
        var candidates = overloads.Where(m => receiver switch { Receiver.Type => m.IsStatic, Receiver.Value => !m.IsStatic, _ => true }).ToList();
        if (receiver == Receiver.Implicit && candidates.Any(m => m.IsStatic != candidates[0].IsStatic)) return null;
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Any(a => a.NameColon is not null)) return null;
        candidates.RemoveAll(m => !Takes(m, arguments.Count));
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        // [OverloadResolutionPriority] drops the applicable overloads of lower priority before any is compared, so an
        // exact match may lose to one with an optional parameter (Debug.Assert(bool) to Assert(bool, string?)).
        if (candidates.Any(HasPriority)) return null;

        var types = new ITypeSymbol[arguments.Count];
        for (var i = 0; i < types.Length; i++)
        {
            if (arguments[i] is not { RefKindKeyword.RawKind: 0 } argument || TypeOf(argument.Expression) is not { } type) return null;
            types[i] = type;
        }
        IMethodSymbol? exact = null;
        foreach (var method in candidates)
        {
            if (method.Arity != 0 || method.Parameters.Length != types.Length) continue;
            var matches = true;
            for (var i = 0; i < types.Length && matches; i++)
                matches = method.Parameters[i] is { RefKind: RefKind.None, IsParams: false } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, types[i]);
            if (!matches) continue;
            if (exact is not null) return null;
            exact = method;
        }
        return exact;
    }

    /// <summary>Whether the method, or one it overrides (where the language reads the priority), carries a priority.</summary>
    private static bool HasPriority(IMethodSymbol method)
    {
        for (IMethodSymbol? m = method.OriginalDefinition; m is not null; m = m.OverriddenMethod)
            if (m.GetAttributes().Any(a => a.AttributeClass is { Name: "OverloadResolutionPriorityAttribute" } type
                && type.ContainingNamespace.ToDisplayString() == "System.Runtime.CompilerServices"))
                return true;
        return false;
    }

    /// <summary>Whether a call with that many positional arguments can apply, counting optional and <c>params</c> parameters.</summary>
    private static bool Takes(IMethodSymbol method, int count)
    {
        if (method.IsVararg) return false;
        var parameters = method.Parameters;
        var required = parameters.Count(p => !p.IsOptional && !p.IsParams);
        return count >= required && (count <= parameters.Length || parameters is [.., { IsParams: true }]);
    }

    /// <summary>The type of an argument, for the few expressions whose type is plain without binding.</summary>
    private ITypeSymbol? TypeOf(ExpressionSyntax expression)
    {
        if (expression is LiteralExpressionSyntax literal) return LiteralType(model.Compilation, literal);
        var name = expression switch
        {
            SimpleNameSyntax simple => simple,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => access.Name,
            _ => null,
        };
        return name is null ? null : typeOf(name);
    }

    /// <summary>The type of a literal, or null for <c>null</c>, <c>default</c> and the like.</summary>
    public static ITypeSymbol? LiteralType(Compilation compilation, LiteralExpressionSyntax literal)
    {
        var special = literal switch
        {
            { Token.Value: int } => SpecialType.System_Int32,
            { Token.Value: long } => SpecialType.System_Int64,
            { Token.Value: uint } => SpecialType.System_UInt32,
            { Token.Value: ulong } => SpecialType.System_UInt64,
            { Token.Value: double } => SpecialType.System_Double,
            { Token.Value: float } => SpecialType.System_Single,
            { Token.Value: decimal } => SpecialType.System_Decimal,
            { Token.Value: bool } => SpecialType.System_Boolean,
            { Token.Value: char } => SpecialType.System_Char,
            { Token.Value: string, RawKind: (int)SyntaxKind.StringLiteralExpression } => SpecialType.System_String,
            _ => SpecialType.None,
        };
        return special == SpecialType.None ? null : compilation.GetSpecialType(special);
    }
}
