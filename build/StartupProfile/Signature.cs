using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace StartupProfile;

/// <summary>A type as a method signature spells it, by names rather than one module's tokens, so it can be written into another module.</summary>
internal abstract record Sig
{
    public sealed record Primitive(PrimitiveTypeCode Code) : Sig;

    public sealed record Named(string Assembly, string FullName, bool IsValueType) : Sig;

    public sealed record Generic(Named Definition, ImmutableArray<Sig> Args) : Sig;

    public sealed record SzArray(Sig Element) : Sig;

    public sealed record Array(Sig Element, int Rank) : Sig;

    public sealed record ByRef(Sig Element) : Sig;

    public sealed record Pointer(Sig Element) : Sig;

    public sealed record Parameter(int Index, bool OfMethod) : Sig;

    public sealed record Modified(Named Modifier, Sig Unmodified, bool Required) : Sig;
}

/// <summary>Decodes signatures into <see cref="Sig"/>, naming each type after the assembly that defines it (forwarders followed).</summary>
internal sealed class SigProvider(AssemblyIndex index) : ISignatureTypeProvider<Sig, object?>
{
    public Sig GetPrimitiveType(PrimitiveTypeCode typeCode) => new Sig.Primitive(typeCode);

    public Sig GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new Sig.Named(index.Names[reader], AssemblyIndex.FullName(reader, handle), rawTypeKind == (byte)SignatureTypeKind.ValueType);

    public Sig GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var fullName = FullName(reader, handle);
        return new Sig.Named(index.Find(fullName).Assembly, fullName, rawTypeKind == (byte)SignatureTypeKind.ValueType);
    }

    private static string FullName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        return reference.ResolutionScope.Kind == HandleKind.TypeReference
            ? FullName(reader, (TypeReferenceHandle)reference.ResolutionScope) + "+" + reader.GetString(reference.Name)
            : AssemblyIndex.Qualified(reader, reference.Namespace, reference.Name);
    }

    public Sig GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public Sig GetSZArrayType(Sig elementType) => new Sig.SzArray(elementType);

    public Sig GetArrayType(Sig elementType, ArrayShape shape) => new Sig.Array(elementType, shape.Rank);

    public Sig GetByReferenceType(Sig elementType) => new Sig.ByRef(elementType);

    public Sig GetPointerType(Sig elementType) => new Sig.Pointer(elementType);

    public Sig GetGenericInstantiation(Sig genericType, ImmutableArray<Sig> typeArguments) => new Sig.Generic((Sig.Named)genericType, typeArguments);

    public Sig GetGenericTypeParameter(object? genericContext, int index) => new Sig.Parameter(index, OfMethod: false);

    public Sig GetGenericMethodParameter(object? genericContext, int index) => new Sig.Parameter(index, OfMethod: true);

    public Sig GetModifiedType(Sig modifier, Sig unmodifiedType, bool isRequired) => new Sig.Modified((Sig.Named)modifier, unmodifiedType, isRequired);

    public Sig GetPinnedType(Sig elementType) => throw new NotSupportedException("pinned types appear only in locals");

    public Sig GetFunctionPointerType(MethodSignature<Sig> signature) => throw new NotSupportedException("function pointer parameters are not profiled");
}
