using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Typesetting;

/// <summary>What KaTeX made of one formula: its HTML, or its error message and where in the TeX it stopped.</summary>
internal sealed record FormulaOutcome(string? Html, string? Error, int? Position);

/// <summary>
/// Typeset formulas kept in one file between builds, trusted only when the KaTeX script, the macros and the bridge
/// that produced them are exactly the ones in use now.
/// </summary>
internal sealed class FormulaStore
{
    public const string FileName = "katex-formulas.json";

    // Part of the engine key: bump it when the file layout or the meaning of an outcome changes.
    private const string FormatVersion = "annotatednorm-formulas/1";

    // The file is read by this program only, so HTML need not be escaped for embedding in a page; escaping every
    // '<' as \u003C would make the file about a third larger and slower to read.
    private static readonly FormulaFileJson Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    private readonly string path;
    private readonly string engineKey;
    private readonly Dictionary<Formula, FormulaOutcome> stored;

    private FormulaStore(string path, string engineKey, Dictionary<Formula, FormulaOutcome> stored)
    {
        this.path = path;
        this.engineKey = engineKey;
        this.stored = stored;
    }

    /// <summary>How many formulas the file held for this engine key when it was opened.</summary>
    public int Count => stored.Count;

    /// <summary>
    /// Identifies everything that decides KaTeX's output: the script's bytes, the macros in ordinal order of their
    /// names, the bridge script and the store's format. Each part is length-prefixed so no two inputs hash alike.
    /// </summary>
    public static string EngineKey(byte[] katexScript, IReadOnlyDictionary<string, string> macros, string bridge)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Append(ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        Append(Encoding.UTF8.GetBytes(FormatVersion));
        Append(Encoding.UTF8.GetBytes(bridge));
        Append(katexScript);
        Append(BitConverter.GetBytes(macros.Count));
        foreach (var (name, expansion) in macros.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Append(Encoding.UTF8.GetBytes(name));
            Append(Encoding.UTF8.GetBytes(expansion));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads the store of <paramref name="folder"/>; a missing, unreadable, corrupt or other-key file gives an empty store.</summary>
    public static FormulaStore Open(string folder, string engineKey)
    {
        var path = Path.Combine(folder, FileName);
        return new FormulaStore(path, engineKey, Read(path, engineKey));
    }

    public bool TryGet(string tex, bool displayMode, [NotNullWhen(true)] out FormulaOutcome? outcome) =>
        stored.TryGetValue(new Formula(tex, displayMode), out outcome);

    /// <summary>Replaces the file with exactly <paramref name="formulas"/>, atomically: a reader sees the old file or the new one.</summary>
    /// <exception cref="IOException">The folder or the file cannot be written.</exception>
    public void Save(IEnumerable<KeyValuePair<Formula, FormulaOutcome>> formulas)
    {
        // Ordinal order keeps the file byte-identical when the same formulas are saved again.
        var entries = formulas
            .OrderBy(f => f.Key.Tex, StringComparer.Ordinal).ThenBy(f => f.Key.Display)
            .Select(f => new FormulaEntry(f.Key.Tex, f.Key.Display, f.Value.Html, f.Value.Error, f.Value.Position))
            .ToList<FormulaEntry?>();
        Session.CacheFileWriter.Write(path, stream => JsonSerializer.Serialize(stream, new FormulaFile(engineKey, entries), Json.FormulaFile));
    }

    private static Dictionary<Formula, FormulaOutcome> Read(string path, string engineKey)
    {
        var formulas = new Dictionary<Formula, FormulaOutcome>();
        FormulaFile? file;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            file = JsonSerializer.Deserialize(stream, Json.FormulaFile);
        }
        // The store only saves time; any reason not to trust it means typesetting afresh, never a failed build.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return formulas;
        }
        if (file?.EngineKey != engineKey || file.Formulas is null) return formulas;

        foreach (var entry in file.Formulas)
        {
            // One entry that is neither HTML nor an error means the file was not written by Save: trust none of it.
            if (entry?.Tex is null || (entry.Html is null) == (entry.Error is null)) return [];
            formulas[new Formula(entry.Tex, entry.Display)] = new FormulaOutcome(entry.Html, entry.Error, entry.Position);
        }
        return formulas;
    }
}

/// <summary>A formula as typeset: its TeX, and whether in display mode.</summary>
/// <remarks>A class rather than a tuple, so the tables keyed by it share the code compiled ahead for reference types instead of compiling their own.</remarks>
internal sealed record Formula(string Tex, bool Display);

internal sealed record FormulaFile(string? EngineKey, List<FormulaEntry?>? Formulas);

internal sealed record FormulaEntry(string? Tex, bool Display, string? Html, string? Error, int? Position);

// Source-generated, so reading the store does not pay for reflection at the start of every build.
[JsonSerializable(typeof(FormulaFile))]
internal sealed partial class FormulaFileJson : JsonSerializerContext;
