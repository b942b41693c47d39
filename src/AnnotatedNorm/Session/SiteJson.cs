using System.Text.Json.Serialization;

namespace AnnotatedNorm.Session;

/// <summary>
/// The JSON the generator reads and writes on every build, with serializers generated at compile time: the reflection
/// serializer would otherwise build its converters and emit accessors at the start of each build (about 240 methods
/// through the JIT) for a handful of small files.
/// </summary>
[JsonSerializable(typeof(CacheRecord))]
[JsonSerializable(typeof(StoredProjectSettings))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class SiteJson : JsonSerializerContext;
