using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StartupProfile;

/// <summary>Where a type is defined, and whether it is a value type.</summary>
internal sealed record TypeEntry(string Assembly, MetadataReader Reader, TypeDefinitionHandle Handle, bool IsValueType);

/// <summary>Every type defined by the assemblies of some folders, by full name (<c>Namespace.Outer+Inner</c>).</summary>
/// <remarks>The first folder that defines an assembly wins: the application's own folder comes before the framework's.</remarks>
internal sealed class AssemblyIndex : IDisposable
{
    private readonly Dictionary<string, TypeEntry> types = new(StringComparer.Ordinal);
    private readonly List<PEReader> open = [];

    public AssemblyIndex(IEnumerable<string> folders)
    {
        foreach (var folder in folders)
            foreach (var path in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                var pe = new PEReader(File.OpenRead(path));
                if (!pe.HasMetadata || !pe.GetMetadataReader().IsAssembly)
                {
                    pe.Dispose();
                    continue;
                }
                var reader = pe.GetMetadataReader();
                var name = reader.GetString(reader.GetAssemblyDefinition().Name);
                if (Versions.ContainsKey(name))
                {
                    pe.Dispose();
                    continue;
                }
                open.Add(pe);
                Versions[name] = reader.GetAssemblyDefinition().Version;
                Names[reader] = name;
                foreach (var handle in reader.TypeDefinitions)
                    types.TryAdd(FullName(reader, handle), new TypeEntry(name, reader, handle, IsValueType(reader, handle)));
            }
    }

    public Dictionary<string, Version> Versions { get; } = new(StringComparer.Ordinal);

    public Dictionary<MetadataReader, string> Names { get; } = [];

    /// <exception cref="KeyNotFoundException">No indexed assembly defines the type.</exception>
    public TypeEntry Find(string fullName) =>
        types.TryGetValue(fullName, out var entry) ? entry : throw new KeyNotFoundException($"no assembly defines '{fullName}'");

    public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return FullName(reader, declaring) + "+" + reader.GetString(type.Name);
        return Qualified(reader, type.Namespace, type.Name);
    }

    public static string Qualified(MetadataReader reader, StringHandle ns, StringHandle name) =>
        reader.GetString(ns) is { Length: > 0 } prefix ? prefix + "." + reader.GetString(name) : reader.GetString(name);

    private static bool IsValueType(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var baseType = reader.GetTypeDefinition(handle).BaseType;
        if (baseType.IsNil) return false;
        var baseName = baseType.Kind switch
        {
            HandleKind.TypeReference => Qualified(reader, reader.GetTypeReference((TypeReferenceHandle)baseType).Namespace, reader.GetTypeReference((TypeReferenceHandle)baseType).Name),
            HandleKind.TypeDefinition => FullName(reader, (TypeDefinitionHandle)baseType),
            _ => null,
        };
        return baseName == "System.Enum" || (baseName == "System.ValueType" && FullName(reader, handle) != "System.Enum");
    }

    public void Dispose()
    {
        foreach (var pe in open) pe.Dispose();
    }
}
