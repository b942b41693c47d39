using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace StartupProfile;

/// <summary>
/// Writes methods into a MIBC file, the profile format crossgen2 reads with <c>--mibc</c>: a small .NET assembly whose
/// global method <c>AssemblyDictionary</c> names groups of methods in IL (<c>ldstr group; ldtoken groupMethod; pop</c>),
/// each group method listing its methods as <c>ldtoken method; pop</c>.
/// </summary>
/// <remarks>
/// Each method is a reference to its definition (a member reference on the instantiated type, a method specification
/// for a generic method), so crossgen2 compiles exactly that instantiation, including generic code of one assembly
/// instantiated over types of another, which it otherwise leaves to the JIT. All methods go in one group: with
/// cross-module generics enabled crossgen2 reads every group, and compiles a method into each image that can hold it.
/// </remarks>
internal sealed class MibcWriter(AssemblyIndex index)
{
    private readonly MetadataBuilder metadata = new();
    private readonly Dictionary<string, AssemblyReferenceHandle> assemblies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), TypeReferenceHandle> types = [];
    private readonly List<EntityHandle> methods = [];

    public int Count => methods.Count;

    /// <summary>Adds the method the JIT named; returns how many definitions matched (overloads the loose parameter names cannot tell apart).</summary>
    /// <exception cref="KeyNotFoundException">A type is defined by none of the indexed assemblies.</exception>
    /// <exception cref="NotSupportedException">The signature holds something not profiled (function pointers).</exception>
    public int Add(MethodName name)
    {
        var owner = index.Find(name.Type.FullName);
        var reader = owner.Reader;
        var type = reader.GetTypeDefinition(owner.Handle);
        if (type.GetGenericParameters().Count != name.Type.Args.Length)
            throw new FormatException($"'{name.Type.FullName}' takes {type.GetGenericParameters().Count} type arguments");
        var candidates = type.GetMethods()
            .Select(reader.GetMethodDefinition)
            .Where(m => reader.GetString(m.Name) == name.Name && m.GetGenericParameters().Count == name.MethodArgs.Length)
            .Select(m => m.DecodeSignature(new SigProvider(index), null))
            .Where(s => s.ParameterTypes.Length == name.Parameters.Length)
            .ToList();
        if (candidates.Count > 1 && candidates.Where(s => Matches(s, name)).ToList() is { Count: > 0 } matching) candidates = matching;

        EntityHandle parent = name.Type.Args.IsEmpty ? TypeReference(owner.Assembly, name.Type.FullName) : TypeSpecification(ToSig(name.Type));
        foreach (var signature in candidates)
        {
            var blob = new BlobBuilder();
            WriteMethodSignature(blob, signature);
            EntityHandle method = metadata.AddMemberReference(parent, metadata.GetOrAddString(name.Name), metadata.GetOrAddBlob(blob));
            if (!name.MethodArgs.IsEmpty)
            {
                var instantiation = new BlobBuilder();
                var arguments = new BlobEncoder(instantiation).MethodSpecificationSignature(name.MethodArgs.Length);
                foreach (var argument in name.MethodArgs) WriteType(arguments.AddArgument(), ToSig(argument));
                method = metadata.AddMethodSpecification(method, metadata.GetOrAddBlob(instantiation));
            }
            methods.Add(method);
        }
        return candidates.Count;
    }

    public void Save(string path)
    {
        metadata.AddModule(0, metadata.GetOrAddString(Path.GetFileName(path)), metadata.GetOrAddGuid(Guid.Empty), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(Path.GetFileNameWithoutExtension(path)), new Version(1, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.None);
        var voidSignature = new BlobBuilder();
        new BlobEncoder(voidSignature).MethodSignature().Parameters(0, r => r.Void(), _ => { });
        var signature = metadata.GetOrAddBlob(voidSignature);

        var il = new BlobBuilder();
        var bodies = new MethodBodyStreamEncoder(il);
        var dictionary = new InstructionEncoder(new BlobBuilder());
        dictionary.LoadString(metadata.GetOrAddUserString("System.Private.CoreLib"));
        dictionary.OpCode(ILOpCode.Ldtoken);
        dictionary.Token(MetadataTokens.MethodDefinitionHandle(2));
        dictionary.OpCode(ILOpCode.Pop);
        dictionary.OpCode(ILOpCode.Ret);
        var group = new InstructionEncoder(new BlobBuilder());
        foreach (var method in methods)
        {
            group.OpCode(ILOpCode.Ldtoken);
            group.Token(method);
            group.OpCode(ILOpCode.Pop);
        }
        group.OpCode(ILOpCode.Ret);

        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        metadata.AddMethodDefinition(MethodAttributes.Public | MethodAttributes.Static, MethodImplAttributes.IL, metadata.GetOrAddString("AssemblyDictionary"), signature, bodies.AddMethodBody(dictionary), default);
        metadata.AddMethodDefinition(MethodAttributes.Public | MethodAttributes.Static, MethodImplAttributes.IL, metadata.GetOrAddString("Group0"), signature, bodies.AddMethodBody(group), default);
        var image = new BlobBuilder();
        new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), il, deterministicIdProvider: content => new BlobContentId(Guid.Empty, 0)).Serialize(image);
        File.WriteAllBytes(path, image.ToArray());
    }

    // The JIT prints parameters loosely ("int", "byref", "System.Span`1[int]"): enough to tell most overloads apart.
    private static bool Matches(MethodSignature<Sig> signature, MethodName name)
    {
        for (var i = 0; i < name.Parameters.Length; i++)
        {
            var printed = name.Parameters[i];
            var matches = Unmodified(signature.ParameterTypes[i]) switch
            {
                Sig.ByRef => printed == "byref",
                Sig.Pointer => printed == "ptr" || printed.EndsWith('*'),
                Sig.Primitive { Code: PrimitiveTypeCode.String or PrimitiveTypeCode.Object } => printed.StartsWith("System.", StringComparison.Ordinal),
                Sig.Primitive p => printed == ShortName(p.Code),
                Sig.SzArray => printed.EndsWith("[]", StringComparison.Ordinal),
                Sig.Named n => printed.StartsWith(n.FullName, StringComparison.Ordinal) || printed == "System.__Canon",
                Sig.Generic g => printed.StartsWith(g.Definition.FullName, StringComparison.Ordinal),
                _ => true,
            };
            if (!matches) return false;
        }
        return true;
    }

    private static Sig Unmodified(Sig sig) => sig is Sig.Modified modified ? Unmodified(modified.Unmodified) : sig;

    private static string ShortName(PrimitiveTypeCode code) => JitName.Primitives.FirstOrDefault(p => p.Value == code).Key ?? code.ToString();

    private Sig ToSig(TypeName name)
    {
        Sig sig;
        if (name.IsPrimitive) sig = new Sig.Primitive(JitName.Primitives[name.FullName]);
        else
        {
            var entry = index.Find(name.FullName);
            var named = new Sig.Named(entry.Assembly, name.FullName, entry.IsValueType);
            sig = name.Args.IsEmpty ? named : new Sig.Generic(named, [.. name.Args.Select(ToSig)]);
        }
        for (var i = 0; i < name.ArrayRank; i++) sig = new Sig.SzArray(sig);
        return sig;
    }

    private TypeSpecificationHandle TypeSpecification(Sig sig)
    {
        var blob = new BlobBuilder();
        WriteType(new BlobEncoder(blob).TypeSpecificationSignature(), sig);
        return metadata.AddTypeSpecification(metadata.GetOrAddBlob(blob));
    }

    private void WriteMethodSignature(BlobBuilder blob, MethodSignature<Sig> signature)
    {
        var encoder = new BlobEncoder(blob).MethodSignature(signature.Header.CallingConvention, signature.GenericParameterCount, signature.Header.IsInstance);
        encoder.Parameters(signature.ParameterTypes.Length,
            returnType =>
            {
                var type = WriteModifiers(returnType.CustomModifiers(), signature.ReturnType);
                if (type is Sig.Primitive { Code: PrimitiveTypeCode.Void }) returnType.Void();
                else if (type is Sig.Primitive { Code: PrimitiveTypeCode.TypedReference }) returnType.TypedReference();
                else if (type is Sig.ByRef byRef) WriteType(returnType.Type(isByRef: true), byRef.Element);
                else WriteType(returnType.Type(), type);
            },
            parameters =>
            {
                foreach (var parameterType in signature.ParameterTypes)
                {
                    var parameter = parameters.AddParameter();
                    var type = WriteModifiers(parameter.CustomModifiers(), parameterType);
                    if (type is Sig.Primitive { Code: PrimitiveTypeCode.TypedReference }) parameter.TypedReference();
                    else if (type is Sig.ByRef byRef) WriteType(parameter.Type(isByRef: true), byRef.Element);
                    else WriteType(parameter.Type(), type);
                }
            });
    }

    /// <summary>Writes the modifiers in front of a parameter or return type (<c>in</c>, <c>ref readonly</c>); returns the type under them.</summary>
    private Sig WriteModifiers(CustomModifiersEncoder encoder, Sig sig)
    {
        while (sig is Sig.Modified modified)
        {
            encoder = encoder.AddModifier(TypeReference(modified.Modifier.Assembly, modified.Modifier.FullName), isOptional: !modified.Required);
            sig = modified.Unmodified;
        }
        return sig;
    }

    private void WriteType(SignatureTypeEncoder encoder, Sig sig)
    {
        switch (sig)
        {
            case Sig.Primitive { Code: PrimitiveTypeCode.String }:
                encoder.String();
                break;
            case Sig.Primitive { Code: PrimitiveTypeCode.Object }:
                encoder.Object();
                break;
            case Sig.Primitive primitive:
                encoder.PrimitiveType(primitive.Code);
                break;
            case Sig.Named named:
                encoder.Type(TypeReference(named.Assembly, named.FullName), named.IsValueType);
                break;
            case Sig.Generic generic:
                var arguments = encoder.GenericInstantiation(TypeReference(generic.Definition.Assembly, generic.Definition.FullName), generic.Args.Length, generic.Definition.IsValueType);
                foreach (var argument in generic.Args) WriteType(arguments.AddArgument(), argument);
                break;
            case Sig.SzArray array:
                WriteType(encoder.SZArray(), array.Element);
                break;
            case Sig.Array array:
                encoder.Array(element => WriteType(element, array.Element), shape => shape.Shape(array.Rank, [], []));
                break;
            case Sig.Pointer { Element: Sig.Primitive { Code: PrimitiveTypeCode.Void } }:
                encoder.VoidPointer();
                break;
            case Sig.Pointer pointer:
                WriteType(encoder.Pointer(), pointer.Element);
                break;
            case Sig.Parameter { OfMethod: true } parameter:
                encoder.GenericMethodTypeParameter(parameter.Index);
                break;
            case Sig.Parameter parameter:
                encoder.GenericTypeParameter(parameter.Index);
                break;
            case Sig.Modified modified:
                WriteType(encoder, WriteModifiers(encoder.CustomModifiers(), modified));
                break;
            default:
                throw new NotSupportedException($"cannot write {sig}");
        }
    }

    private AssemblyReferenceHandle AssemblyReference(string name)
    {
        if (!assemblies.TryGetValue(name, out var handle))
            assemblies[name] = handle = metadata.AddAssemblyReference(metadata.GetOrAddString(name), index.Versions[name], default, default, default, default);
        return handle;
    }

    private TypeReferenceHandle TypeReference(string assembly, string fullName)
    {
        if (types.TryGetValue((assembly, fullName), out var handle)) return handle;
        var plus = fullName.LastIndexOf('+');
        if (plus >= 0)
            handle = metadata.AddTypeReference(TypeReference(assembly, fullName[..plus]), default, metadata.GetOrAddString(fullName[(plus + 1)..]));
        else
        {
            var dot = fullName.LastIndexOf('.');
            handle = metadata.AddTypeReference(AssemblyReference(assembly), metadata.GetOrAddString(dot < 0 ? "" : fullName[..dot]), metadata.GetOrAddString(fullName[(dot + 1)..]));
        }
        return types[(assembly, fullName)] = handle;
    }
}
