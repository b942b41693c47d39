using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace AnnotatedNorm.Typesetting;

/// <summary>Typesets TeX to HTML plus MathML with KaTeX, running in-process in V8; one instance serves a whole build.</summary>
/// <remarks>
/// Thread-safe. V8 runs one script at a time, so calls into the engine are serialised; each distinct formula is
/// typeset once per instance (errors included), which keeps the lock short in practice.
/// </remarks>
public sealed class KatexRenderer : IDisposable
{
    // Fixed script: TeX and display mode arrive as arguments, never as source text, so no formula can run code.
    // It answers with one string, not a JS array: a script object crossing into .NET costs several boundary calls
    // and a finalizer each, which made typesetting ten times slower.
    // The macro table is copied per call because KaTeX writes \gdef results into the object it is given, and a
    // cached formula must not depend on which formula ran before it.
    private const string Bridge = """
        var annotatedNormMacros = {};
        function annotatedNormSetMacros(json) { annotatedNormMacros = JSON.parse(json); }
        function annotatedNormRender(tex, displayMode) {
          try {
            return "1" + katex.renderToString(tex, {
              displayMode: displayMode,
              output: "htmlAndMathml",
              throwOnError: true,
              strict: "ignore",
              trust: false,
              macros: Object.assign({}, annotatedNormMacros)
            });
          } catch (e) {
            var parse = e instanceof katex.ParseError;
            return "0" + (parse && typeof e.position === "number" ? e.position : -1) + "\n" +
                   String(parse && e.rawMessage ? e.rawMessage : (e && e.message) || e);
          }
        }
        """;

    private readonly V8ScriptEngine engine;
    private readonly Lock engineLock = new();
    private readonly ConcurrentDictionary<(string Tex, bool Display), Lazy<Outcome>> cache = new();
    private int engineCalls;

    /// <param name="katexScriptPath">Path of <c>katex.min.js</c> (see <see cref="KatexPackage.ScriptPath"/>).</param>
    /// <param name="macros">Site-wide macros, name with its backslash (<c>\R</c>) to expansion (<c>\mathbb{R}</c>).</param>
    public KatexRenderer(string katexScriptPath, IReadOnlyDictionary<string, string>? macros = null)
    {
        engine = new V8ScriptEngine(V8ScriptEngineFlags.None);
        try
        {
            engine.Execute(new DocumentInfo(Path.GetFileName(katexScriptPath)), File.ReadAllText(katexScriptPath));
            engine.Execute(new DocumentInfo("annotatednorm-bridge.js"), Bridge);
            engine.Invoke("annotatedNormSetMacros", JsonSerializer.Serialize(macros ?? new Dictionary<string, string>()));
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>How many times a formula reached the engine (cache misses); for tests.</summary>
    internal int EngineCalls => Volatile.Read(ref engineCalls);

    /// <summary>Typesets <paramref name="tex"/>; display mode centres it on its own line at a larger size.</summary>
    /// <exception cref="TexException">The TeX does not parse, or uses a command KaTeX does not know.</exception>
    public string Render(string tex, bool displayMode)
    {
        var outcome = cache.GetOrAdd((tex, displayMode), key => new Lazy<Outcome>(() => Typeset(key.Tex, key.Display))).Value;
        // A fresh exception per call: one shared instance would have its stack trace rewritten by every thread.
        return outcome.Html ?? throw new TexException(outcome.Error!, outcome.Position);
    }

    private Outcome Typeset(string tex, bool displayMode)
    {
        lock (engineLock)
        {
            Interlocked.Increment(ref engineCalls);
            // One string crosses the boundary: "1" + HTML, or "0" + position + "\n" + message.
            var result = (string)engine.Invoke("annotatedNormRender", tex, displayMode);
            if (result[0] == '1') return new Outcome(result[1..], null, null);
            var newline = result.IndexOf('\n');
            var position = int.Parse(result.AsSpan(1, newline - 1), System.Globalization.CultureInfo.InvariantCulture);
            return new Outcome(null, result[(newline + 1)..], position >= 0 ? position : null);
        }
    }

    public void Dispose()
    {
        lock (engineLock) engine.Dispose();
    }

    private sealed record Outcome(string? Html, string? Error, int? Position);
}
