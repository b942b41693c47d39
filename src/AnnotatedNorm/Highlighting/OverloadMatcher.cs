using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting;

/// <summary>Picks the overload a call must bind to in the one case that needs no overload resolution: an exact match.</summary>
/// <param name="resolve">What a name passed as an argument stands for, or null when only binding can tell.</param>
internal sealed class OverloadMatcher(SemanticModel model, Func<SimpleNameSyntax, ISymbol?> resolve)
{
    public enum Receiver { Implicit, Type, Value }

    /// <summary>
    /// The overload a call must choose when exactly one has parameters of the very types of its arguments: no other
    /// conversion is better than identity, so overload resolution can only pick it.
    /// </summary>
    public IMethodSymbol? Exact(SimpleNameSyntax name, IReadOnlyList<IMethodSymbol> overloads, Receiver receiver)
    {
        ExpressionSyntax called = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (called.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != called) return null;
        // Methods of a base type drop out when one of a derived type applies: keep to groups of one type.
        var owner = overloads[0].ContainingType;
        if (overloads.Any(m => !SymbolEqualityComparer.Default.Equals(m.ContainingType, owner))) return null;
        var arguments = invocation.ArgumentList.Arguments;
        var types = new ITypeSymbol[arguments.Count];
        for (var i = 0; i < types.Length; i++)
        {
            if (arguments[i] is not { NameColon: null, RefKindKeyword.RawKind: 0 } argument || TypeOf(argument.Expression) is not { } type) return null;
            types[i] = type;
        }
        IMethodSymbol? exact = null;
        foreach (var method in overloads)
        {
            if (method.Arity != 0 || method.IsVararg || method.Parameters.Length != types.Length) continue;
            var matches = true;
            for (var i = 0; i < types.Length && matches; i++)
                matches = method.Parameters[i] is { RefKind: RefKind.None, IsParams: false } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, types[i]);
            if (!matches) continue;
            if (exact is not null) return null;
            exact = method;
        }
        // A type's name calls only static methods, a value only instance ones.
        return exact is null || receiver == Receiver.Type && !exact.IsStatic || receiver == Receiver.Value && exact.IsStatic ? null : exact;
    }

    /// <summary>The type of an argument, for the few expressions whose type is plain without binding.</summary>
    private ITypeSymbol? TypeOf(ExpressionSyntax expression)
    {
        var special = expression switch
        {
            LiteralExpressionSyntax { Token.Value: int } => SpecialType.System_Int32,
            LiteralExpressionSyntax { Token.Value: long } => SpecialType.System_Int64,
            LiteralExpressionSyntax { Token.Value: uint } => SpecialType.System_UInt32,
            LiteralExpressionSyntax { Token.Value: ulong } => SpecialType.System_UInt64,
            LiteralExpressionSyntax { Token.Value: double } => SpecialType.System_Double,
            LiteralExpressionSyntax { Token.Value: float } => SpecialType.System_Single,
            LiteralExpressionSyntax { Token.Value: decimal } => SpecialType.System_Decimal,
            LiteralExpressionSyntax { Token.Value: bool } => SpecialType.System_Boolean,
            LiteralExpressionSyntax { Token.Value: char } => SpecialType.System_Char,
            LiteralExpressionSyntax { Token.Value: string, RawKind: (int)SyntaxKind.StringLiteralExpression } => SpecialType.System_String,
            _ => SpecialType.None,
        };
        if (special != SpecialType.None) return model.Compilation.GetSpecialType(special);
        var name = expression switch
        {
            SimpleNameSyntax simple => simple,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => access.Name,
            _ => null,
        };
        if (name is null || resolve(name) is not { } symbol) return null;
        ITypeSymbol? type = symbol switch
        {
            ILocalSymbol { IsRef: false } local => local.Type,
            IParameterSymbol { RefKind: RefKind.None } parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol { ReturnsByRef: false, ReturnsByRefReadonly: false } property => property.Type,
            _ => null,
        };
        // Dynamic converts to anything by identity; a constant's value may fit a narrower type: leave both to binding.
        return type is null or { TypeKind: TypeKind.Dynamic or TypeKind.Error } || symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true } ? null : type;
    }
}
